import "server-only";
import { audit } from "@/lib/audit";
import { issueInvite } from "@/lib/auth/invites";
import { findGrower } from "./grower-details";

/** A fresh invite link for the grower; issueInvite revokes every earlier one. Undefined for an unknown grower. */
export async function sendNewInvite(
  leafUserId: string,
  actor: string,
): Promise<{ url: string; expiresAt: Date } | undefined> {
  const grower = await findGrower(leafUserId);
  if (!grower) return undefined;
  const invite = await issueInvite(grower.id, actor);
  await audit({ actor, action: "invite", outcome: "sent", leafUserId });
  return invite;
}
