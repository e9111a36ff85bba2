import "server-only";
import { sql } from "drizzle-orm";
import { database } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";

/**
 * Counts one attempt against `key` in a fixed window, in the database so every instance shares the
 * count. Returns whether the attempt is within the limit.
 */
export async function withinLimit(key: string, limit: number, windowMs: number): Promise<boolean> {
  const db = await database();
  const windowStart = sql`now() - ${`${windowMs} milliseconds`}::interval`;
  const [row] = await db.insert(rateLimits).values({ key, windowStart: new Date(), count: 1 })
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
