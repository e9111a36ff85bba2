import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { database } from "@/lib/db/client";
import { apiIdempotency } from "@/lib/db/schema";
import { logger } from "@/lib/log";
import { problem } from "./problem";

// Idempotency-Key on POST, as Stripe and the IETF draft (draft-ietf-httpapi-idempotency-key-header) have it:
// the first request with a key does the work, later ones get its answer, a different request under the same
// key is refused. Keys are per API key and remembered for a day.

export const idempotencyKeyHeader = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .meta({ description: "Any unique string (a UUID); a retry with the same key and body gets the first answer." });

const rememberedFor = "24 hours";
/** A claim whose request never finished (the instance died) is free again after this. */
const abandonedAfter = "5 minutes";

export type Claim =
  | { kind: "claimed"; finish: (response: Response) => Promise<Response> }
  | { kind: "answered"; response: Response };

const cleanupEveryMs = 3600_000;
let lastCleanup = 0;

const hashOf = (request: unknown) => createHash("sha256").update(JSON.stringify(request)).digest("hex");

/** Claims the key for this request, or answers it from the earlier one. `request` is the parsed input. */
export async function claimIdempotencyKey(apiKeyId: string, idempotencyKey: string, request: unknown): Promise<Claim> {
  const db = await database();
  const mine = and(eq(apiIdempotency.keyId, apiKeyId), eq(apiIdempotency.idempotencyKey, idempotencyKey));
  const requestHash = hashOf(request);
  forgetOldAnswersNowAndThen();
  await db.delete(apiIdempotency).where(
    and(
      mine,
      sql`(${apiIdempotency.createdAt} < now() - ${rememberedFor}::interval or
          (${apiIdempotency.status} is null and ${apiIdempotency.createdAt} < now() - ${abandonedAfter}::interval))`,
    ),
  );
  const [claimed] = await db
    .insert(apiIdempotency)
    .values({ keyId: apiKeyId, idempotencyKey, requestHash })
    .onConflictDoNothing()
    .returning({ keyId: apiIdempotency.keyId });
  if (claimed) return { kind: "claimed", finish: (response) => finish(apiKeyId, idempotencyKey, response) };
  const [earlier] = await db.select().from(apiIdempotency).where(mine).limit(1);
  if (!earlier) return claimIdempotencyKey(apiKeyId, idempotencyKey, request);
  return { kind: "answered", response: replay(earlier, requestHash) };
}

function replay(earlier: typeof apiIdempotency.$inferSelect, requestHash: string): Response {
  if (earlier.requestHash !== requestHash)
    return problem(
      "idempotency_conflict",
      "This Idempotency-Key was used with a different request body. Use a new key for a new request.",
    );
  if (earlier.status === null)
    return problem("idempotency_in_progress", "The first request with this Idempotency-Key is still running.", {
      headers: { "retry-after": "1" },
    });
  const problemStatus = earlier.status >= 400;
  return new Response(JSON.stringify(earlier.response), {
    status: earlier.status,
    headers: {
      "content-type": problemStatus ? "application/problem+json" : "application/json",
      "idempotent-replayed": "true",
    },
  });
}

/**
 * Keeps the answer for retries; a failure worth retrying (Leaf down, our own 5xx) releases the key instead,
 * so the partner's retry with the same key does the work.
 */
async function finish(apiKeyId: string, idempotencyKey: string, response: Response): Promise<Response> {
  const db = await database();
  const mine = and(
    eq(apiIdempotency.keyId, apiKeyId),
    eq(apiIdempotency.idempotencyKey, idempotencyKey),
    isNull(apiIdempotency.status),
  );
  if (response.status >= 500) {
    await db.delete(apiIdempotency).where(mine);
    return response;
  }
  const body: unknown = await response.clone().json();
  await db.update(apiIdempotency).set({ status: response.status, response: body }).where(mine);
  return response;
}

/** Forgets answers older than a day. */
export async function deleteExpiredIdempotencyKeys(): Promise<number> {
  const db = await database();
  const gone = await db
    .delete(apiIdempotency)
    .where(lt(apiIdempotency.createdAt, sql`now() - ${rememberedFor}::interval`))
    .returning({ key: apiIdempotency.idempotencyKey });
  return gone.length;
}

/** At most once an hour per instance, off the request's path. */
function forgetOldAnswersNowAndThen(): void {
  if (Date.now() - lastCleanup < cleanupEveryMs) return;
  lastCleanup = Date.now();
  deleteExpiredIdempotencyKeys().catch((error) =>
    logger.warn({ reason: (error as Error).message }, "idempotency cleanup"),
  );
}
