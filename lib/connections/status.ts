import type { ConnectionStatus } from "./messages";

/**
 * Leaf's status strings, normalized in one place. Seen values: OK, UNAUTHENTICATED, MISSING_PERMISSION,
 * TEMPORARILY_UNAVAILABLE; the docs' prose also mentions processing and "invalid". Anything else is an
 * error that shows Leaf's own word.
 */
export function normalizeLeafStatus(leafStatus: string | null | undefined): ConnectionStatus {
  switch (leafStatus?.trim().toUpperCase().replace(/[\s-]+/g, "_")) {
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
