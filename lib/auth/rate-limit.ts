import "server-only";
import { eq, lt, sql } from "drizzle-orm";
import { database } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";
import { logger } from "@/lib/log";

/** No window is longer, so a row whose window started before this is dead whatever its key. */
export const longestWindowMs = 60 * 60_000;
const cleanupEveryMs = 60_000;
let lastCleanup = 0;

/**
 * Fixed-window counters in the database, so every instance shares them. Every attempt is counted up
 * front in one atomic statement (a burst of parallel guesses cannot slip past the limit), and a
 * successful sign-in is refunded: a staff member who signs in often locks nobody out, a guesser does.
 */
export async function countAttempt(key: string, limit: number, windowMs: number): Promise<boolean> {
  return (await recordAttempt(key, windowMs)).count <= limit;
}

/**
 * Counts an attempt: how many this key has made in its current window (this one included), and when that
 * window ends.
 */
export async function recordAttempt(key: string, windowMs: number): Promise<{ count: number; windowEndsAt: number }> {
  return (await recordAttempts([key], windowMs))[0]!;
}

/**
 * Counts one attempt for each of several distinct keys in one statement (one round trip on a hot path);
 * the answers in the order of `keys`.
 */
export async function recordAttempts(
  keys: string[],
  windowMs: number,
): Promise<{ count: number; windowEndsAt: number }[]> {
  if (windowMs > longestWindowMs) throw new Error(`a ${windowMs} ms window outlives the rows' cleanup`);
  cleanUpNowAndThen();
  const db = await database();
  const windowStart = sql`now() - ${`${windowMs} milliseconds`}::interval`;
  const rows = await db
    .insert(rateLimits)
    .values(keys.map((key) => ({ key, windowStart: new Date(), count: 1 })))
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} < ${windowStart} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} < ${windowStart}
          then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ key: rateLimits.key, count: rateLimits.count, windowStart: rateLimits.windowStart });
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return keys.map((key) => {
    const row = byKey.get(key);
    return { count: row?.count ?? 0, windowEndsAt: (row?.windowStart.getTime() ?? Date.now()) + windowMs };
  });
}

export async function refundAttempt(key: string): Promise<void> {
  const db = await database();
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

/**
 * Deletes every window that has ended, so addresses and emails tried once do not pile up for ever
 * (a spray of made-up emails would otherwise leave a row each). Returns how many went.
 */
export async function deleteExpiredWindows(): Promise<number> {
  const db = await database();
  const deleted = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, sql`now() - ${`${longestWindowMs} milliseconds`}::interval`))
    .returning({ key: rateLimits.key });
  return deleted.length;
}

/** At most once a minute per instance, off the request's path: a counter never waits for the cleanup. */
function cleanUpNowAndThen(): void {
  if (Date.now() - lastCleanup < cleanupEveryMs) return;
  lastCleanup = Date.now();
  deleteExpiredWindows().catch((error) => logger.warn({ reason: (error as Error).message }, "rate-limit cleanup"));
}
