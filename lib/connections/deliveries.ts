import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { config } from "@/lib/config";
import { open, seal } from "@/lib/crypto/seal";
import { database } from "@/lib/db/client";
import { deliveries } from "@/lib/db/schema";
import { isLeafError, leaf } from "@/lib/leaf";
import { postCredentials } from "@/lib/leaf/credentials";
import { logger } from "@/lib/log";
import { findProvider, type Provider, type TokenSet } from "@/lib/providers";
import { settingsFor } from "@/lib/providers/settings";
import { backoff, retryDelayMs } from "./backoff";
import { recordStatus } from "./snapshots";

type Delivery = typeof deliveries.$inferSelect;
export type DeliveryOutcome = "delivered" | "retrying" | "failed";

// While one instance tries a delivery, others leave it alone for this long.
const leaseMs = 60_000;

const sealedTokens = z.object({ accessToken: z.string(), refreshToken: z.string(), expiresIn: z.number().optional(), scope: z.string().optional() });

/** The token set, sealed, as a pending delivery: from here on a crash or a Leaf outage loses nothing. */
export async function stageDelivery(leafUserId: string, provider: Provider, tokens: TokenSet, correlationId: string): Promise<Delivery> {
  const db = await database();
  const id = randomUUID();
  const { keyId, sealed } = seal(config().keyring, id, JSON.stringify(tokens));
  const [row] = await db.insert(deliveries).values({
    id, leafUserId, provider: provider.id, keyId, sealed, correlationId, nextAttemptAt: new Date(Date.now() + leaseMs),
  }).returning();
  await recordStatus(leafUserId, provider.id, "pending");
  return row!;
}

/** POSTs the credentials body to Leaf; deletes the sealed copy once Leaf has it. */
export async function attemptDelivery(row: Delivery): Promise<DeliveryOutcome> {
  const db = await database();
  const provider = findProvider(row.provider);
  if (!provider) throw new Error(`delivery ${row.id} names unknown provider ${row.provider}`);
  const tokens = sealedTokens.parse(JSON.parse(open(config().keyring, row.id, row.keyId, row.sealed)));
  try {
    await postCredentials(leaf(), row.leafUserId, provider.leaf.path, provider.leaf.body(tokens, settingsFor(provider)));
  } catch (error) {
    return recordFailure(row, error);
  }
  await db.delete(deliveries).where(eq(deliveries.id, row.id));
  await recordStatus(row.leafUserId, provider.id, "processing");
  await audit({ actor: "headland", action: "deliver", outcome: "delivered", leafUserId: row.leafUserId, provider: provider.id, correlationId: row.correlationId });
  return "delivered";
}

async function recordFailure(row: Delivery, error: unknown): Promise<DeliveryOutcome> {
  const db = await database();
  const attempts = row.attempts + 1;
  const reason = error instanceof Error ? error.message : String(error);
  const retry = isLeafError(error) && error.retryable && attempts < backoff.maxAttempts;
  const retryAfter = isLeafError(error) ? error.retryAfterSeconds : undefined;
  await db.update(deliveries).set({
    attempts,
    lastError: reason,
    state: retry ? "pending" : "failed",
    nextAttemptAt: new Date(Date.now() + (retry ? retryDelayMs(attempts - 1, retryAfter) : 0)),
  }).where(eq(deliveries.id, row.id));
  logger.warn({ correlationId: row.correlationId, provider: row.provider, attempts, reason, retry }, "delivery to Leaf failed");
  if (!retry) {
    await recordStatus(row.leafUserId, row.provider, "error", reason);
    await audit({ actor: "headland", action: "deliver", outcome: "failed", leafUserId: row.leafUserId, provider: row.provider, detail: reason, correlationId: row.correlationId });
  }
  return retry ? "retrying" : "failed";
}

/** Takes up to `limit` due deliveries for this instance; SKIP LOCKED keeps two instances off the same row. */
export async function claimDueDeliveries(limit: number): Promise<Delivery[]> {
  const db = await database();
  const due = db.select({ id: deliveries.id }).from(deliveries)
    .where(and(eq(deliveries.state, "pending"), lte(deliveries.nextAttemptAt, new Date())))
    .orderBy(asc(deliveries.nextAttemptAt)).limit(limit)
    .for("update", { skipLocked: true });
  return db.update(deliveries).set({ nextAttemptAt: new Date(Date.now() + leaseMs) }).where(inArray(deliveries.id, due)).returning();
}

/** Deliveries still waiting (or given up) for a grower, for the status shown on screen. */
export async function openDeliveries(leafUserId: string): Promise<Delivery[]> {
  const db = await database();
  return db.select().from(deliveries).where(eq(deliveries.leafUserId, leafUserId));
}

/** Forgets any delivery not yet made for this connection (on disconnect or a newer consent). */
export async function dropDeliveries(leafUserId: string, providerId: string, exceptId?: string): Promise<void> {
  const db = await database();
  const rows = await db.select({ id: deliveries.id }).from(deliveries).where(and(eq(deliveries.leafUserId, leafUserId), eq(deliveries.provider, providerId)));
  const ids = rows.map((r) => r.id).filter((id) => id !== exceptId);
  if (ids.length) await db.delete(deliveries).where(inArray(deliveries.id, ids));
}
