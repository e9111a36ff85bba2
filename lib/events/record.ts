import "server-only";
import { and, desc, eq, like } from "drizzle-orm";
import type { ConnectionStatus } from "@/lib/connections/status";
import { database } from "@/lib/db/client";
import { events } from "@/lib/db/schema";
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

/** Appends one event to the log that the partner API, webhooks and the health panel read. */
export async function recordEvent(event: NewEvent): Promise<void> {
  const db = await database();
  await db.insert(events).values(event);
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
