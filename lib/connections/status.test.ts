import { describe, expect, it } from "vitest";
import { normalizeLeafStatus, withOrganizations } from "./status";

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

describe("withOrganizations", () => {
  it.each([
    ["ok", true, "no_organizations"],
    ["missing_permission", true, "no_organizations"],
    ["ok", false, "ok"],
    ["missing_permission", false, "missing_permission"],
    // Revoked, settling or failing: that problem comes first; organizations can wait.
    ["reauth", true, "reauth"],
    ["processing", true, "processing"],
    ["unavailable", true, "unavailable"],
    ["error", true, "error"],
  ] as const)("%s, sharing nothing: %s -> %s", (status, sharesNothing, expected) => {
    expect(withOrganizations(status, sharesNothing)).toBe(expected);
  });
});
