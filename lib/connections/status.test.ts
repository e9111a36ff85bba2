import { describe, expect, it } from "vitest";
import { normalizeLeafStatus } from "./status";

describe("normalizeLeafStatus", () => {
  it.each([
    ["OK", "ok"],
    ["ok", "ok"],
    ["ACTIVE", "ok"],
    ["VALID", "ok"],
    ["PROCESSING", "processing"],
    ["processing", "processing"],
    ["PENDING", "processing"],
    ["VALIDATING", "processing"],
    ["CREATED", "processing"],
    ["UNAUTHENTICATED", "reauth"],
    ["INVALID", "reauth"],
    ["invalid", "reauth"],
    ["EXPIRED", "reauth"],
    ["REVOKED", "reauth"],
    ["MISSING_PERMISSION", "missing_permission"],
    ["MISSING_PERMISSIONS", "missing_permission"],
    ["missing permission", "missing_permission"],
    ["TEMPORARILY_UNAVAILABLE", "unavailable"],
    ["temporarily-unavailable", "unavailable"],
    ["SOMETHING_NEW", "error"],
    [null, "error"],
    [undefined, "error"],
  ])("%s -> %s", (leaf, expected) => {
    expect(normalizeLeafStatus(leaf)).toBe(expected);
  });
});
