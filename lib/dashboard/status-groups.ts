import type { ConnectionStatus } from "@/lib/connections/status";

// Shared by server and client: how the dashboard buckets each normalized status.

export type StatusGroup = "connected" | "attention" | "not_connected";

/** Connections staff should look at: broken, short of permissions, or failing on the provider's side. */
export const attentionStatuses = [
  "reauth",
  "missing_permission",
  "no_organizations",
  "unavailable",
  "error",
] as const satisfies readonly ConnectionStatus[];

export function statusGroup(status: ConnectionStatus): StatusGroup {
  if ((attentionStatuses as readonly ConnectionStatus[]).includes(status)) return "attention";
  // Saving and processing count as connected: the grower has given consent and it is settling.
  if (status === "not_connected") return "not_connected";
  return "connected";
}
