import "server-only";
import { audit } from "@/lib/audit";
import { issueInvite } from "@/lib/auth/invites";
import { endGrowerSessions } from "@/lib/auth/sessions";
import { findGrower } from "./grower-details";

/**
 * A fresh invite link for the grower; issueInvite revokes every earlier one, and every session opened
 * with an earlier one ends (a new link is what staff send when a link went astray). Undefined for an
 * unknown grower.
 */
export async function sendNewInvite(
  leafUserId: string,
  actor: string,
  maxUses?: number,
  lifetimeMs?: number,
): Promise<{ url: string; expiresAt: Date; maxUses: number } | undefined> {
  const grower = await findGrower(leafUserId);
  if (!grower) return undefined;
  const invite = await issueInvite(grower.id, actor, maxUses, lifetimeMs);
  const ended = await endGrowerSessions(leafUserId);
  const detail = `good for ${invite.maxUses} uses; ${ended} open session${ended === 1 ? "" : "s"} ended`;
  await audit({ actor, action: "invite", outcome: "sent", leafUserId, detail });
  return invite;
}
