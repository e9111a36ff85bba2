import "server-only";
import { eq } from "drizzle-orm";
import type { ConnectionStatus } from "@/lib/connections/status";
import { database } from "@/lib/db/client";
import { events, growers } from "@/lib/db/schema";
import type { EventType } from "@/lib/events/types";
import { statusWords } from "@/lib/wording/status-words";

/** What a receiver gets: the event, and the grower and connection it is about in the dashboard's words. */
export interface WebhookBody {
  id: number;
  type: EventType;
  createdAt: string;
  data: {
    grower: { leafUserId: string; name: string | null; email?: string };
    provider: string | null;
    status: string | null;
    statusLabel: string | null;
    reason: string | null;
    previousStatus: string | null;
  };
}

const labelOf = (status: string | null) => (status ? (statusWords[status as ConnectionStatus] ?? status) : null);

/** The body for one event, read when it is sent (the grower's name as it is now); undefined if it is gone. */
export async function webhookBodyFor(eventId: number): Promise<WebhookBody | undefined> {
  const db = await database();
  const [row] = await db
    .select({ event: events, name: growers.name, email: growers.email })
    .from(events)
    .leftJoin(growers, eq(growers.leafUserId, events.leafUserId))
    .where(eq(events.id, eventId))
    .limit(1);
  if (!row) return undefined;
  const { event } = row;
  return {
    id: event.id,
    type: event.type as EventType,
    createdAt: event.at.toISOString(),
    data: {
      grower: { leafUserId: event.leafUserId, name: row.name, ...(row.email ? { email: row.email } : {}) },
      provider: event.provider,
      status: event.status,
      statusLabel: labelOf(event.status),
      reason: event.reason,
      previousStatus: event.previousStatus,
    },
  };
}
