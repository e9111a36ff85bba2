import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { growers, invites } from "@/lib/db/schema";
import { signInviteToken, verifyInviteToken } from "./invite-token";

const inviteLifetimeMs = 7 * 24 * 3600 * 1000;

function inviteUrl(inviteId: string): string {
  return `${config().appUrl}/invite/${signInviteToken(config().authSecret, inviteId)}`;
}

/** A new invite for the grower; every earlier one stops working. */
export async function issueInvite(growerId: string, createdBy: string): Promise<{ url: string; expiresAt: Date }> {
  const db = await database();
  const expiresAt = new Date(Date.now() + inviteLifetimeMs);
  const invite = await db.transaction(async (tx) => {
    await tx
      .update(invites)
      .set({ revokedAt: new Date() })
      .where(and(eq(invites.growerId, growerId), isNull(invites.revokedAt)));
    const [row] = await tx.insert(invites).values({ growerId, createdBy, expiresAt }).returning();
    return row!;
  });
  return { url: inviteUrl(invite.id), expiresAt };
}

/** The grower's live invite link, if one exists. */
export async function currentInvite(growerId: string): Promise<{ url: string; expiresAt: Date } | undefined> {
  const db = await database();
  const [row] = await db
    .select()
    .from(invites)
    .where(and(eq(invites.growerId, growerId), isNull(invites.revokedAt), gt(invites.expiresAt, new Date())))
    .limit(1);
  return row ? { url: inviteUrl(row.id), expiresAt: row.expiresAt } : undefined;
}

/** The grower an invite token signs in, or undefined if it is forged, expired or revoked. */
export async function redeemInvite(token: string) {
  const inviteId = verifyInviteToken(config().authSecret, token);
  if (!inviteId) return undefined;
  const db = await database();
  const [row] = await db
    .select({ grower: growers })
    .from(invites)
    .innerJoin(growers, eq(growers.id, invites.growerId))
    .where(and(eq(invites.id, inviteId), isNull(invites.revokedAt), gt(invites.expiresAt, new Date())))
    .limit(1);
  return row?.grower;
}
