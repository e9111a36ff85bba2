import "server-only";
import { and, asc, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { growers, invites, inviteUses } from "@/lib/db/schema";
import { recordEvent } from "@/lib/events/record";
import { inviteUseLimits } from "./invite-limits";
import { signInviteToken, verifyInviteToken } from "./invite-token";

const inviteLifetimeMs = 7 * 24 * 3600 * 1000;

export type InviteGrower = typeof growers.$inferSelect;

/** Why a link no longer works, so the page can say so in plain words. */
export type InviteEnded = "used_up" | "expired" | "revoked" | "unknown";

export interface InviteSummary {
  /** Shown only while the link still works. */
  url?: string;
  uses: number;
  maxUses: number;
  expiresAt: Date;
  ended?: InviteEnded;
  history: { at: Date; client: string }[];
}

function inviteUrl(inviteId: string): string {
  return `${config().appUrl}/invite/${signInviteToken(config().authSecret, inviteId)}`;
}

/** Not revoked, not expired, a use left. Compared with the app's clock, which tests move. */
const usable = () =>
  and(isNull(invites.revokedAt), gt(invites.expiresAt, new Date()), lt(invites.uses, invites.maxUses));

function endedReason(row: typeof invites.$inferSelect): InviteEnded | undefined {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt.getTime() <= Date.now()) return "expired";
  return row.uses >= row.maxUses ? "used_up" : undefined;
}

/** A new invite for the grower; every earlier one stops working. */
export async function issueInvite(
  growerId: string,
  createdBy: string,
  maxUses: number = inviteUseLimits.default,
  lifetimeMs: number = inviteLifetimeMs,
): Promise<{ url: string; expiresAt: Date; maxUses: number }> {
  const db = await database();
  const expiresAt = new Date(Date.now() + lifetimeMs);
  const invite = await db.transaction(async (tx) => {
    await tx
      .update(invites)
      .set({ revokedAt: new Date() })
      .where(and(eq(invites.growerId, growerId), isNull(invites.revokedAt)));
    const [row] = await tx.insert(invites).values({ growerId, createdBy, expiresAt, maxUses }).returning();
    return row!;
  });
  return { url: inviteUrl(invite.id), expiresAt, maxUses };
}

/** The grower's latest link for staff: how often it was used, by what, and the link itself while it works. */
export async function inviteSummary(growerId: string): Promise<InviteSummary | undefined> {
  const db = await database();
  const [row] = await db
    .select()
    .from(invites)
    .where(and(eq(invites.growerId, growerId), isNull(invites.revokedAt)))
    .orderBy(desc(invites.createdAt))
    .limit(1);
  if (!row) return undefined;
  const history = await db
    .select({ at: inviteUses.usedAt, client: inviteUses.client })
    .from(inviteUses)
    .where(eq(inviteUses.inviteId, row.id))
    .orderBy(asc(inviteUses.usedAt));
  const ended = endedReason(row);
  const summary = { uses: row.uses, maxUses: row.maxUses, expiresAt: row.expiresAt, history };
  return ended ? { ...summary, ended } : { ...summary, url: inviteUrl(row.id) };
}

/** What the landing page shows before anyone confirms: whose link it is, or why it no longer works. Uses nothing. */
export async function inspectInvite(
  token: string,
): Promise<{ grower: InviteGrower; ended?: undefined } | { grower?: undefined; ended: InviteEnded }> {
  const inviteId = verifyInviteToken(config().authSecret, token);
  if (!inviteId) return { ended: "unknown" };
  const db = await database();
  const [row] = await db
    .select({ invite: invites, grower: growers })
    .from(invites)
    .innerJoin(growers, eq(growers.id, invites.growerId))
    .where(eq(invites.id, inviteId))
    .limit(1);
  if (!row) return { ended: "unknown" };
  const ended = endedReason(row.invite);
  return ended ? { ended } : { grower: row.grower };
}

/**
 * Uses the link once and returns the grower it signs in, or undefined if it is forged, revoked, expired
 * or used up. The count and the check are one UPDATE, so concurrent confirmations cannot exceed it.
 */
export async function redeemInvite(token: string, client: string): Promise<InviteGrower | undefined> {
  const inviteId = verifyInviteToken(config().authSecret, token);
  if (!inviteId) return undefined;
  const db = await database();
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(invites)
      .set({ uses: sql`${invites.uses} + 1` })
      .where(and(eq(invites.id, inviteId), usable()))
      .returning({ growerId: invites.growerId });
    if (!used) return undefined;
    await tx.insert(inviteUses).values({ inviteId, client });
    const [grower] = await tx.select().from(growers).where(eq(growers.id, used.growerId)).limit(1);
    // In the same transaction as the use, so partners hear of every opening and of nothing that did not happen.
    if (grower) await recordEvent({ type: "grower.invite_opened", leafUserId: grower.leafUserId }, tx);
    return grower;
  });
}
