import "server-only";
import { audit } from "@/lib/audit";
import { recordStatus } from "@/lib/connections/snapshots";
import { leaf } from "@/lib/leaf";
import { deleteCredentials } from "@/lib/leaf/credentials";
import { dropDeliveries } from "@/lib/outbox/deliveries";
import type { Provider } from "@/lib/providers";

/** Removes the credential at Leaf and anything of it still waiting with us. */
export async function disconnect(leafUserId: string, provider: Provider, actor: string): Promise<void> {
  await dropDeliveries(leafUserId, provider.id);
  await deleteCredentials(leaf(), leafUserId, provider.leaf.path);
  await recordStatus(leafUserId, provider.id, "not_connected");
  await audit({ actor, action: "disconnect", outcome: "deleted", leafUserId, provider: provider.id });
}
