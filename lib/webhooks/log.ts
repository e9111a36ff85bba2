import "server-only";
import { desc, eq } from "drizzle-orm";
import { database } from "@/lib/db/client";
import { events, growers, webhookDeliveries } from "@/lib/db/schema";

/** One line of an endpoint's delivery log as staff read it (never the body's secret-signed bytes). */
export interface DeliveryLogLine {
  id: number;
  eventId: number;
  at: Date;
  type: string;
  leafUserId: string;
  growerName: string | null;
  state: string;
  statusCode: number | null;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
}

/** The newest deliveries of one endpoint first. */
export async function deliveryLog(endpointId: string, limit = 100): Promise<DeliveryLogLine[]> {
  const db = await database();
  const rows = await db
    .select({ delivery: webhookDeliveries, at: events.at, type: events.type, growerName: growers.name })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .leftJoin(growers, eq(growers.leafUserId, webhookDeliveries.leafUserId))
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
  return rows.map(({ delivery, at, type, growerName }) => ({
    id: delivery.id,
    eventId: delivery.eventId,
    at,
    type,
    leafUserId: delivery.leafUserId,
    growerName,
    state: delivery.state,
    statusCode: delivery.lastStatusCode,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.state === "pending" ? delivery.nextAttemptAt : null,
    lastError: delivery.lastError,
  }));
}
