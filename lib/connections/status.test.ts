import { describe, expect, it } from "vitest";
import { normalizeLeafStatus } from "./status";

describe("normalizeLeafStatus", () => {
  it.each([
    ["OK", "ok"],
    ["ok", "ok"],
    ["PROCESSING", "processing"],
    ["processing", "processing"],
    ["UNAUTHENTICATED", "reauth"],
    ["INVALID", "reauth"],
    ["invalid", "reauth"],
    ["MISSING_PERMISSION", "missing_permission"],
    ["TEMPORARILY_UNAVAILABLE", "unavailable"],
    ["SOMETHING_NEW", "error"],
    [null, "error"],
    [undefined, "error"],
  ])("%s -> %s", (leaf, expected) => {
    expect(normalizeLeafStatus(leaf)).toBe(expected);
  });
});
