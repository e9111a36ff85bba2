import "server-only";
import { and, count, eq, lt, ne, sql } from "drizzle-orm";
import { providerSummary } from "@/lib/dashboard/status-counts";
import { database } from "@/lib/db/client";
import { connectionSnapshots, events, statusHistory } from "@/lib/db/schema";
import { providers } from "@/lib/providers";
import { backfilledHistory } from "./status-history";

// The health panel weighs today's breaks against the 30 days before. A fresh sandbox has no past breaks,
// so its norm reads 0% and any single revoked grant looks like news. Once the sandbox has connections,
// Headland writes a plausible past once: the 30-day history walked back from today's counts, and about
// 0.4% of each day's connections breaking (growers revoke grants and change passwords every day). The
// seeded events belong to no grower (`sandbox-history-…` ids, the reason below), so no grower's own
// events, nor whether their next connection counts as "connected" or "repaired", change; and they are
// written straight into the log, so no webhook ever announces them.

export const seededReason = "sandbox: seeded history";
const dailyBreakRate = 0.004;
const dayMs = 86_400_000;
// The norm's window (lib/health): from 31 days ago up to 24 hours ago, away from both edges.
const firstAge = 2;
const lastAge = 30;
// Rows per insert: 6 parameters each, well under the protocol's 65,535.
const insertBatch = 2_000;

/** A small deterministic generator, so the same sandbox seeds the same past. */
function randomFrom(seed: string): () => number {
  let state = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16_777_619), 2_166_136_261) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface SeededBreak {
  type: "connection.broken";
  leafUserId: string;
  provider: string;
  status: "reauth";
  reason: string;
  at: Date;
}

/**
 * One provider's past breaks: each day's expected share of its connections on that day, carried over so a
 * small sandbox still sees one every few days, and at least one in the month when it has any connections.
 */
export function plannedBreaks(provider: string, sizeOn: (day: string) => number, now: Date): SeededBreak[] {
  const random = randomFrom(provider);
  const planned: SeededBreak[] = [];
  const add = (at: Date) =>
    planned.push({
      type: "connection.broken",
      leafUserId: `sandbox-history-${provider}-${planned.length + 1}`,
      provider,
      status: "reauth",
      reason: seededReason,
      at,
    });
  let carry = random();
  let anyConnections = false;
  for (let age = lastAge; age >= firstAge; age--) {
    const dayStart = new Date(now.getTime() - age * dayMs);
    const size = sizeOn(dayStart.toISOString().slice(0, 10));
    anyConnections ||= size > 0;
    carry += size * dailyBreakRate * (0.5 + random());
    // Never more breaks in a day than it had connections: the panel divides one by the other.
    const n = Math.min(size, Math.floor(carry));
    carry -= n;
    for (let i = 0; i < n; i++) add(new Date(dayStart.getTime() + Math.floor(random() * (dayMs / 2))));
  }
  if (!planned.length && anyConnections) {
    const at = new Date(now.getTime() - (firstAge + Math.floor(random() * (lastAge - firstAge))) * dayMs);
    if (sizeOn(at.toISOString().slice(0, 10)) > 0) add(at);
  }
  return planned;
}

/**
 * Writes that past once, in one transaction, when the sandbox has connections, no break older than a day
 * and no history day the sweep recorded itself (a row recorded after its day ended is a backfill of ours):
 * real data is never rewritten or mixed with invented data. "waiting" while there is nothing to weigh
 * breaks against yet, "declined" when the past is real (or seeded already): then there is never anything to do.
 */
export async function seedPastBreaks(now = new Date()): Promise<"seeded" | "waiting" | "declined"> {
  const db = await database();
  const dayAgo = new Date(now.getTime() - dayMs);
  const today = now.toISOString().slice(0, 10);
  // Read before the transaction: PGlite runs one at a time, and this reads through the shared handle.
  const summary = await providerSummary();
  return db.transaction(async (tx) => {
    // Two instances starting together seed once.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('headland:seed-past-breaks'))`);
    const [connected] = await tx
      .select({ n: count() })
      .from(connectionSnapshots)
      .where(ne(connectionSnapshots.status, "not_connected"));
    const [pastBreak] = await tx
      .select({ n: count() })
      .from(events)
      .where(and(eq(events.type, "connection.broken"), lt(events.at, dayAgo)));
    const [realDay] = await tx
      .select({ n: count() })
      .from(statusHistory)
      .where(
        and(
          lt(statusHistory.day, today),
          sql`(${statusHistory.recordedAt} at time zone 'UTC')::date <= ${statusHistory.day}`,
        ),
      );
    if (pastBreak?.n || realDay?.n) return "declined";
    if (!connected?.n) return "waiting";
    const backfill = backfilledHistory(summary, now);
    await tx
      .insert(statusHistory)
      .values(backfill)
      .onConflictDoUpdate({
        target: [statusHistory.day, statusHistory.provider],
        set: {
          connected: sql`excluded.connected`,
          attention: sql`excluded.attention`,
          notConnected: sql`excluded.not_connected`,
          recordedAt: sql`now()`,
        },
      });
    const sizes = new Map(backfill.map((row) => [`${row.provider}|${row.day}`, row.connected + row.attention]));
    const rows = providers.flatMap((p) => plannedBreaks(p.id, (day) => sizes.get(`${p.id}|${day}`) ?? 0, now));
    // A statement carries at most 65,535 parameters (PostgreSQL's protocol): a large sandbox plans more.
    for (let i = 0; i < rows.length; i += insertBatch) await tx.insert(events).values(rows.slice(i, i + insertBatch));
    return "seeded";
  });
}
