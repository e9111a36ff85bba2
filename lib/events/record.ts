import "server-only";
import { and, desc, eq, like, sql } from "drizzle-orm";
import type { ConnectionStatus } from "@/lib/connections/status";
import { type Db, database } from "@/lib/db/client";
import { events, webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import { eventFor, mayBeNews } from "./transitions";
import type { ConnectionEventType, EventType } from "./types";

interface NewEvent {
  type: EventType;
  leafUserId: string;
  provider?: string | null;
  status?: string | null;
  previousStatus?: string | null;
  reason?: string | null;
}

/** The database or a transaction already open (redeemInvite writes its event with the invite's use). */
type Executor = Pick<Db, "execute">;

// Any fixed number: the first half of the two-part advisory lock key, so per-grower keys cannot collide
// with another feature's single-number locks.
const perGrowerLockSpace = 7_204_118;

/**
 * Appends one event to the log that the partner API, webhooks and the health panel read, and in the same
 * statement one webhook delivery per enabled endpoint that subscribed to its type: an event is never
 * written without its deliveries, nor a delivery without its event.
 *
 * The per-grower lock, held to commit, makes a grower's event ids follow commit order: ids are taken when
 * a row is written, so without it an earlier event could commit after a later one had been delivered.
 */
export async function recordEvent(event: NewEvent, tx?: Executor): Promise<void> {
  if (tx) return insertWithDeliveries(tx, event);
  const db = await database();
  await db.transaction((t) => insertWithDeliveries(t, event));
}

async function insertWithDeliveries(tx: Executor, event: NewEvent): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${perGrowerLockSpace}, hashtext(${event.leafUserId}))`);
  await tx.execute(sql`
    with event as (
      insert into ${events} (type, leaf_user_id, provider, status, previous_status, reason)
      values (${event.type}, ${event.leafUserId}, ${event.provider ?? null}, ${event.status ?? null},
        ${event.previousStatus ?? null}, ${event.reason ?? null})
      returning id, type, leaf_user_id
    )
    insert into ${webhookDeliveries} (endpoint_id, event_id, leaf_user_id)
    select endpoint.id, event.id, event.leaf_user_id
    from event join ${webhookEndpoints} endpoint on endpoint.enabled and event.type = any(endpoint.event_types)`);
}

/**
 * Records the event a status write made, if any. Called with the transition the snapshot upsert itself
 * returned, so concurrent writers each see their own, and the common case (no change of standing) costs
 * no query at all.
 */
export async function recordTransition(
  leafUserId: string,
  provider: string,
  previous: ConnectionStatus | null,
  next: ConnectionStatus,
  reason: string | null,
): Promise<void> {
  if (!mayBeNews(previous, next)) return;
  const type = eventFor(previous, next, await lastConnectionEvent(leafUserId, provider));
  if (!type) return;
  await recordEvent({
    type,
    leafUserId,
    provider,
    status: next,
    previousStatus: previous,
    reason: type === "connection.broken" ? reason : null,
  });
}

async function lastConnectionEvent(leafUserId: string, provider: string): Promise<ConnectionEventType | null> {
  const db = await database();
  const [last] = await db
    .select({ type: events.type })
    .from(events)
    .where(and(eq(events.leafUserId, leafUserId), eq(events.provider, provider), like(events.type, "connection.%")))
    .orderBy(desc(events.id))
    .limit(1);
  return (last?.type as ConnectionEventType | undefined) ?? null;
}
