import "server-only";
import { and, asc, eq, inArray, lt, lte, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { audit } from "@/lib/audit";
import { type Db, database } from "@/lib/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import { nextAttemptAt, type RetryPolicy } from "./backoff";
import type { SendResult } from "./send";

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

/**
 * Due deliveries of enabled endpoints, each the oldest still waiting for its grower and endpoint: a later
 * event waits until the earlier one is delivered or given up. Claiming pushes `nextAttemptAt` out by
 * `leaseMs`, so a crash mid-send makes the row due again (sent twice, never lost), and SKIP LOCKED keeps
 * two instances off one row.
 */
export async function claimDueWebhooks(limit: number, leaseMs: number, db?: Db): Promise<WebhookDelivery[]> {
  db ??= await database();
  const earlier = alias(webhookDeliveries, "earlier");
  const waitingBefore = db
    .select({ id: earlier.id })
    .from(earlier)
    .where(
      and(
        eq(earlier.endpointId, webhookDeliveries.endpointId),
        eq(earlier.leafUserId, webhookDeliveries.leafUserId),
        eq(earlier.state, "pending"),
        lt(earlier.id, webhookDeliveries.id),
      ),
    );
  const due = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      and(
        eq(webhookDeliveries.state, "pending"),
        lte(webhookDeliveries.nextAttemptAt, sql`now()`),
        eq(webhookEndpoints.enabled, true),
        notExists(waitingBefore),
      ),
    )
    .orderBy(asc(webhookDeliveries.id))
    .limit(limit)
    .for("update", { of: webhookDeliveries, skipLocked: true });
  const claimed = await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
    .where(inArray(webhookDeliveries.id, due))
    .returning();
  return claimed.sort((a, b) => a.id - b.id);
}

/** Stores an attempt's outcome: delivered, due again after the backoff, or given up after a day. */
export async function recordAttempt(
  row: WebhookDelivery,
  result: SendResult,
  policy: RetryPolicy,
  now = new Date(),
): Promise<"delivered" | "retrying" | "failed"> {
  const db = await database();
  const attempts = row.attempts + 1;
  const common = { attempts, lastStatusCode: result.statusCode ?? null, lastError: result.error ?? null };
  if (result.ok) {
    await db
      .update(webhookDeliveries)
      .set({ ...common, state: "delivered", deliveredAt: now })
      .where(eq(webhookDeliveries.id, row.id));
    return "delivered";
  }
  const next = nextAttemptAt(attempts, row.createdAt, now, policy);
  await db
    .update(webhookDeliveries)
    .set({ ...common, state: next ? "pending" : "failed", nextAttemptAt: next ?? now })
    .where(eq(webhookDeliveries.id, row.id));
  return next ? "retrying" : "failed";
}

/**
 * Staff send a delivered or given-up delivery again, as a fresh one: a new day of retries from now. It
 * keeps its event id, so a receiver that deduplicates ignores a copy it already has.
 */
export async function resendWebhook(actor: string, endpointId: string, deliveryId: number): Promise<boolean> {
  const db = await database();
  const rows = await db
    .update(webhookDeliveries)
    .set({ state: "pending", attempts: 0, nextAttemptAt: sql`now()`, createdAt: sql`now()`, deliveredAt: null })
    .where(
      and(
        eq(webhookDeliveries.id, deliveryId),
        eq(webhookDeliveries.endpointId, endpointId),
        inArray(webhookDeliveries.state, ["delivered", "failed"]),
      ),
    )
    .returning({ id: webhookDeliveries.id, leafUserId: webhookDeliveries.leafUserId });
  if (rows.length)
    await audit({
      actor,
      action: "webhook_resend",
      outcome: "queued",
      leafUserId: rows[0]!.leafUserId,
      detail: `endpoint ${endpointId} delivery ${deliveryId}`,
    });
  return rows.length > 0;
}
