import "server-only";
import { audit } from "@/lib/audit";
import { type ConnectionView, liveConnections } from "@/lib/connections/snapshots";
import { findGrower } from "./grower-details";

/** Re-checks all of a grower's connections at once, outside the sweep; undefined for an unknown grower. */
export async function checkGrowerNow(leafUserId: string, actor: string): Promise<ConnectionView[] | undefined> {
  if (!(await findGrower(leafUserId))) return undefined;
  const connections = await liveConnections(leafUserId);
  await audit({
    actor,
    action: "check",
    outcome: connections.some((c) => c.problem) ? "failed" : "checked",
    leafUserId,
  });
  return connections;
}
