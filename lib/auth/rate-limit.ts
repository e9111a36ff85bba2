import "server-only";
import { eq, sql } from "drizzle-orm";
import { database } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";

/**
 * Fixed-window counters in the database, so every instance shares them. Every attempt is counted up
 * front in one atomic statement (a burst of parallel guesses cannot slip past the limit), and a
 * successful sign-in is refunded: a staff member who signs in often locks nobody out, a guesser does.
 */
export async function countAttempt(key: string, limit: number, windowMs: number): Promise<boolean> {
  const db = await database();
  const windowStart = sql`now() - ${`${windowMs} milliseconds`}::interval`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: new Date(), count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} < ${windowStart} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} < ${windowStart} then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return (row?.count ?? 0) <= limit;
}

export async function refundAttempt(key: string): Promise<void> {
  const db = await database();
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}
