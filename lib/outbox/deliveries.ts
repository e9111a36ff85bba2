import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, lte, ne } from "drizzle-orm";
import { audit } from "@/lib/audit";
import { config } from "@/lib/config";
import { mark } from "@/lib/connect/step-timing";
import { recordStatus } from "@/lib/connections/snapshots";
import { type Db, database } from "@/lib/db/client";
import { deliveries } from "@/lib/db/schema";
import { isLeafError, leaf } from "@/lib/leaf";
import { getCredentials, postCredentials } from "@/lib/leaf/credentials";
import { logger } from "@/lib/log";
import { findProvider, type Provider, type TokenSet } from "@/lib/providers";
import { leafBody } from "@/lib/providers/leaf-body";
import { settingsFor } from "@/lib/providers/settings";
import { retryDelayMs } from "./backoff";
import { later } from "./later";
import { openTokens, sealTokens, unopenableReason } from "./sealing";

export type Delivery = typeof deliveries.$inferSelect;
export type DeliveryOutcome = "delivered" | "retrying" | "failed";

/** While one instance tries a delivery, others leave it alone: longer than any Leaf call can take. */
const leaseMs = () => config().leaf.timeoutMs * 2 + 5_000;

// Clocks differ between Headland and Leaf; a credential created this close to our staging counts as ours.
const clockSkewMs = 30_000;

/**
 * The token set, sealed, as a pending delivery, written before Leaf is tried: from here on a crash
 * or a Leaf outage loses nothing. The row is leased to this request for its first attempt.
 */
export async function stageDelivery(
  leafUserId: string,
  provider: Provider,
  tokens: TokenSet,
  correlationId: string,
  opts: { recordPending?: boolean } = {},
): Promise<Delivery> {
  const db = await database();
  const id = randomUUID();
  const { keyId, sealed } = sealTokens(config().keyring, { id, leafUserId, provider: provider.id }, tokens);
  const [row] = await db
    .insert(deliveries)
    .values({
      id,
      leafUserId,
      provider: provider.id,
      keyId,
      sealed,
      correlationId,
      nextAttemptAt: new Date(Date.now() + leaseMs()),
    })
    .returning();
  // The callback's first attempt writes a status only once it has an outcome (AttemptOptions).
  if (opts.recordPending ?? true) await recordStatus(leafUserId, provider.id, "pending");
  return row!;
}

function providerOf(row: Delivery): Provider {
  const provider = findProvider(row.provider);
  if (!provider) throw new Error(`delivery ${row.id} names unknown provider ${row.provider}`);
  return provider;
}

/**
 * After an attempt whose answer was lost (timeout, reset), Leaf may already hold our token set. POSTing
 * it again could overwrite a credential whose refresh token Leaf has since rotated with a dead one.
 */
async function alreadyAtLeaf(row: Delivery, provider: Provider, tokens: TokenSet): Promise<boolean> {
  if (row.attempts === 0) return false;
  const credential = await getCredentials(leaf(), row.leafUserId, provider.leaf.path);
  if (!credential) return false;
  if (credential.refreshToken === tokens.refreshToken) return true;
  const created = Date.parse(credential.createdTime ?? "");
  return Number.isFinite(created) && created >= row.createdAt.getTime() - clockSkewMs;
}

export interface AttemptOptions {
  /**
   * The callback's own first attempt, which its grower waits for. Its status is written only once the
   * outcome is known: "pending" only when Leaf did not take the token set (the worker takes over), and
   * on success "processing" with the audit line after the response (./later.ts). `alongside` is the work
   * started with the POST (dropping older token sets) that every status write here must follow.
   */
  fromCallback?: { alongside: Promise<unknown> };
}

/**
 * POSTs the credentials body to Leaf; deletes the sealed copy once Leaf has it. The worker finds the
 * provider by id.
 */
export async function attemptDelivery(
  row: Delivery,
  known?: Provider,
  opts: AttemptOptions = {},
): Promise<DeliveryOutcome> {
  // Opened first: the binding names the provider, so a row renamed to an unknown one gives up here too.
  const tokens = openTokens(config().keyring, row);
  if (!tokens) return giveUpUnopenable(row);
  const provider = known ?? providerOf(row);
  try {
    if (!(await alreadyAtLeaf(row, provider, tokens))) {
      await postCredentials(
        leaf(),
        row.leafUserId,
        provider.leaf.path,
        leafBody(provider, tokens, settingsFor(provider)),
      );
    }
  } catch (error) {
    if (opts.fromCallback) {
      await opts.fromCallback.alongside;
      // Before the row is released to the worker, so its later status cannot be overwritten by this one.
      await recordStatus(row.leafUserId, provider.id, "pending");
    }
    return recordFailure(row, error);
  }
  mark("leaf");
  const db = await database();
  // Synchronously, always: once this row is gone no one delivers these tokens again.
  await db.delete(deliveries).where(eq(deliveries.id, row.id));
  const settle = async () => {
    await opts.fromCallback?.alongside;
    await recordStatus(row.leafUserId, provider.id, "processing");
    await audit({
      actor: "headland",
      action: "deliver",
      outcome: "delivered",
      leafUserId: row.leafUserId,
      provider: provider.id,
      correlationId: row.correlationId,
      detail: `attempt ${row.attempts + 1}`,
    });
  };
  if (opts.fromCallback) later("delivered", settle);
  else await settle();
  mark("settle");
  return "delivered";
}

async function recordFailure(row: Delivery, error: unknown): Promise<DeliveryOutcome> {
  const db = await database();
  const { outbox } = config();
  const attempts = row.attempts + 1;
  const reason = error instanceof Error ? error.message : String(error);
  // A 4xx that retrying cannot fix is shown, not retried.
  const retry = isLeafError(error) && error.retryable && attempts < outbox.maxAttempts;
  const retryAfter = isLeafError(error) ? error.retryAfterSeconds : undefined;
  const delay = retry
    ? retryDelayMs(attempts - 1, retryAfter, Math.random, { baseMs: outbox.baseMs, capMs: 10 * 60_000 })
    : 0;
  await db
    .update(deliveries)
    .set({
      attempts,
      lastError: reason,
      state: retry ? "pending" : "failed",
      nextAttemptAt: new Date(Date.now() + delay),
    })
    .where(eq(deliveries.id, row.id));
  logger.warn(
    { correlationId: row.correlationId, provider: row.provider, attempts, reason, retry, delayMs: delay },
    "delivery to Leaf failed",
  );
  if (!retry) {
    await recordStatus(row.leafUserId, row.provider, "error", reason);
    await audit({
      actor: "headland",
      action: "deliver",
      outcome: "failed",
      leafUserId: row.leafUserId,
      provider: row.provider,
      detail: reason,
      correlationId: row.correlationId,
    });
  }
  return retry ? "retrying" : "failed";
}

/**
 * A key removed too early, a row edited or moved in the database: no retry can fix it, so the row stops
 * being claimed and staff see why. Only the attempt that flips it from pending records it.
 */
async function giveUpUnopenable(row: Delivery): Promise<DeliveryOutcome> {
  const db = await database();
  const flipped = await db
    .update(deliveries)
    .set({ state: "failed", attempts: row.attempts + 1, lastError: unopenableReason })
    .where(and(eq(deliveries.id, row.id), eq(deliveries.state, "pending")))
    .returning({ id: deliveries.id });
  if (flipped.length === 0) return "failed";
  logger.error(
    { correlationId: row.correlationId, provider: row.provider, keyId: row.keyId },
    "delivery cannot be opened",
  );
  await recordStatus(row.leafUserId, row.provider, "error", unopenableReason);
  await audit({
    actor: "headland",
    action: "deliver",
    outcome: "failed",
    leafUserId: row.leafUserId,
    provider: row.provider,
    detail: unopenableReason,
    correlationId: row.correlationId,
  });
  return "failed";
}

/** Takes up to `limit` due deliveries for this instance; SKIP LOCKED keeps two instances off the same row. */
export async function claimDueDeliveries(limit: number, db?: Db): Promise<Delivery[]> {
  db ??= await database();
  const due = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(eq(deliveries.state, "pending"), lte(deliveries.nextAttemptAt, new Date())))
    .orderBy(asc(deliveries.nextAttemptAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(deliveries)
    .set({ nextAttemptAt: new Date(Date.now() + leaseMs()) })
    .where(inArray(deliveries.id, due))
    .returning();
}

/** Staff send a delivery that gave up back to the worker, with a fresh count of attempts. */
export async function retryDelivery(leafUserId: string, providerId: string, actor: string): Promise<boolean> {
  const db = await database();
  const rows = await db
    .update(deliveries)
    .set({ state: "pending", attempts: 0, nextAttemptAt: new Date() })
    .where(
      and(eq(deliveries.leafUserId, leafUserId), eq(deliveries.provider, providerId), eq(deliveries.state, "failed")),
    )
    .returning({ id: deliveries.id, correlationId: deliveries.correlationId });
  for (const row of rows) {
    await recordStatus(leafUserId, providerId, "pending");
    await audit({
      actor,
      action: "retry_delivery",
      outcome: "queued",
      leafUserId,
      provider: providerId,
      correlationId: row.correlationId,
    });
  }
  return rows.length > 0;
}

/** What staff see of deliveries still waiting or given up (never the sealed token set). */
export async function deliveriesFor(leafUserId: string) {
  const db = await database();
  return db
    .select({
      provider: deliveries.provider,
      state: deliveries.state,
      attempts: deliveries.attempts,
      lastError: deliveries.lastError,
      nextAttemptAt: deliveries.nextAttemptAt,
      correlationId: deliveries.correlationId,
      createdAt: deliveries.createdAt,
    })
    .from(deliveries)
    .where(eq(deliveries.leafUserId, leafUserId));
}

/** Forgets any delivery not yet made for this connection (on disconnect or a newer consent). */
export async function dropDeliveries(leafUserId: string, providerId: string, exceptId?: string): Promise<void> {
  const db = await database();
  // One statement: this runs on every callback.
  await db
    .delete(deliveries)
    .where(
      and(
        eq(deliveries.leafUserId, leafUserId),
        eq(deliveries.provider, providerId),
        exceptId ? ne(deliveries.id, exceptId) : undefined,
      ),
    );
}
