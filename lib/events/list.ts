import "server-only";
import { and, asc, eq, gt, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { database } from "@/lib/db/client";
import { events } from "@/lib/db/schema";
import type { EventType, HeadlandEvent } from "./types";

export interface EventQuery {
  /** Only events after this id (a cursor a poller keeps). */
  after?: number;
  /** Only events at or after this time. */
  since?: Date;
  leafUserId?: string;
  provider?: string;
  types?: readonly EventType[];
  limit: number;
  /**
   * Ids are taken when a row is written, not when it commits, so a row with a smaller id can appear a moment
   * after a larger one was read. Leaving out the last moments lets a poller keep an id cursor and miss nothing.
   */
  settledMs?: number;
}

/** Events in the order they happened (by id), oldest first. */
export async function listEvents(query: EventQuery): Promise<HeadlandEvent[]> {
  const db = await database();
  const where: SQL[] = [];
  if (query.after !== undefined) where.push(gt(events.id, query.after));
  if (query.since) where.push(gte(events.at, query.since));
  if (query.leafUserId) where.push(eq(events.leafUserId, query.leafUserId));
  if (query.provider) where.push(eq(events.provider, query.provider));
  if (query.types?.length) where.push(inArray(events.type, [...query.types]));
  if (query.settledMs) where.push(lte(events.at, sql`now() - make_interval(secs => ${query.settledMs / 1000})`));
  const rows = await db
    .select()
    .from(events)
    .where(and(...where))
    .orderBy(asc(events.id))
    .limit(query.limit);
  return rows as HeadlandEvent[];
}
