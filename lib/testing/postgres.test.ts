import { describe, expect, it } from "vitest";
import { postgresTestPlan } from "./postgres";

// A developer without PostgreSQL skips its tests; CI must not, or a machine without it would pass unseen.
describe("tests that need PostgreSQL", () => {
  it("run wherever it is installed", () => {
    expect(postgresTestPlan(true, {})).toBe("run");
    expect(postgresTestPlan(true, { CI: "true" })).toBe("run");
  });

  it("are skipped where it is missing, outside CI", () => {
    for (const CI of [undefined, "", "false", "0"]) expect(postgresTestPlan(false, { CI })).toBe("skip");
  });

  it("still run, and so fail, where it is missing on CI", () => {
    for (const CI of ["true", "1", "yes"]) expect(postgresTestPlan(false, { CI })).toBe("run");
  });
});
