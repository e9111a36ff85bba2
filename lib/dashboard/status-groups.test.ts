import { describe, expect, it } from "vitest";
import { statusGroup } from "./status-groups";

describe("statusGroup", () => {
  it("puts a connection that shares no organization under Needs attention: no data flows", () => {
    expect(statusGroup("no_organizations")).toBe("attention");
    expect(statusGroup("ok")).toBe("connected");
  });
});
