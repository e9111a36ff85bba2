import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { sessions } from "@/lib/db/schema";

// A JWT session cannot be recalled once issued, so each one has a row the server can end: the token
// carries its `sid` and absolute expiry, and every request reads the row by primary key.

const isSid = (value: unknown): value is string => typeof value === "string" && /^[0-9a-f-]{36}$/.test(value);

export type SessionOwner = { role: "staff"; email: string } | { role: "grower"; leafUserId: string };

export interface StartedSession {
  sid: string;
  /** Absolute expiry, epoch milliseconds; also in the row, so a token cannot claim a later one. */
  expiresAt: number;
}

/** Records a new sign-in; its lifetime (staff 12 h, growers 30 days by default) starts now and never moves. */
export async function startSession(owner: SessionOwner): Promise<StartedSession> {
  const db = await database();
  const sid = randomUUID();
  const expiresAt = new Date(Date.now() + config().sessionLifetimeMs[owner.role]);
  // Rows past their expiry refuse anyway; dropping them at sign-in keeps the table the size of live sessions.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  await db.insert(sessions).values({
    sid,
    role: owner.role,
    staffEmail: owner.role === "staff" ? owner.email : null,
    leafUserId: owner.role === "grower" ? owner.leafUserId : null,
    expiresAt,
  });
  return { sid, expiresAt: expiresAt.getTime() };
}

/** Whether a session may still be used: its token's expiry has not passed and its row is neither ended nor expired. */
export async function sessionIsLive(token: { sid?: unknown; sessionExpiresAt?: unknown }): Promise<boolean> {
  const now = Date.now();
  if (!isSid(token.sid) || typeof token.sessionExpiresAt !== "number" || token.sessionExpiresAt <= now) return false;
  const db = await database();
  const [row] = await db
    .select({ expiresAt: sessions.expiresAt, endedAt: sessions.endedAt })
    .from(sessions)
    .where(eq(sessions.sid, token.sid))
    .limit(1);
  return Boolean(row && !row.endedAt && row.expiresAt.getTime() > now);
}

/** Sign-out: this one session. */
export async function endSession(sid: unknown): Promise<void> {
  if (!isSid(sid)) return;
  const db = await database();
  await db
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.sid, sid), isNull(sessions.endedAt)));
}

/** A new invite replaces whoever held the old one: every open session of the grower ends. Returns how many. */
export async function endGrowerSessions(leafUserId: string): Promise<number> {
  const db = await database();
  const ended = await db
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.leafUserId, leafUserId), eq(sessions.role, "grower"), isNull(sessions.endedAt)))
    .returning({ sid: sessions.sid });
  return ended.length;
}

/** A changed staff password: whoever signed in with the old one is out. Returns how many sessions ended. */
export async function endStaffSessions(email: string): Promise<number> {
  const db = await database();
  const ended = await db
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.staffEmail, email), eq(sessions.role, "staff"), isNull(sessions.endedAt)))
    .returning({ sid: sessions.sid });
  return ended.length;
}
