export const connectionStatuses = [
  "not_connected",
  "pending",
  "processing",
  "ok",
  "reauth",
  "missing_permission",
  "no_organizations",
  "unavailable",
  "error",
] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number];

/** States that change by themselves soon, so screens showing them should poll. */
export function isSettling(status: ConnectionStatus): boolean {
  return status === "pending" || status === "processing";
}

/**
 * A credential Leaf accepts (or finds short of permissions) still moves no data while the grower shares no
 * organization with it (Deere's and Trimble's organization step skipped): that is its own status.
 */
export function withOrganizations(status: ConnectionStatus, sharesNothing: boolean): ConnectionStatus {
  return sharesNothing && (status === "ok" || status === "missing_permission") ? "no_organizations" : status;
}

/**
 * Leaf's status strings, normalized in one place. Seen values: OK, UNAUTHENTICATED, MISSING_PERMISSION,
 * TEMPORARILY_UNAVAILABLE; the docs' prose also mentions processing and "invalid". Anything else is an
 * error that shows Leaf's own word.
 */
export function normalizeLeafStatus(leafStatus: string | null | undefined): ConnectionStatus {
  switch (
    leafStatus
      ?.trim()
      .toUpperCase()
      .replace(/[\s-]+/g, "_")
  ) {
    case "OK":
    case "ACTIVE":
    case "VALID":
      return "ok";
    case "PROCESSING":
    case "PENDING":
    case "VALIDATING":
    case "CREATED":
      return "processing";
    case "UNAUTHENTICATED":
    case "INVALID":
    case "EXPIRED":
    case "REVOKED":
      return "reauth";
    case "MISSING_PERMISSION":
    case "MISSING_PERMISSIONS":
      return "missing_permission";
    case "TEMPORARILY_UNAVAILABLE":
      return "unavailable";
    default:
      return "error";
  }
}
