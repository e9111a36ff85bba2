import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import * as oauth from "oauth4webapi";
import { config } from "@/lib/config";
import { ConnectError } from "@/lib/connect/connect-error";
import { database } from "@/lib/db/client";
import { oauthTransactions } from "@/lib/db/schema";

export const transactionLifetimeMs = () => config().oauthTransactionTtlMs;

const hashState = (state: string) => createHash("sha256").update(state).digest("base64url");

export interface TransactionStart {
  provider: string;
  leafUserId: string;
  sessionId: string;
  pkce: boolean;
  /** Already reduced to a same-origin path. */
  returnTo: string;
}

/** A fresh state (and PKCE verifier) kept server-side; returns what the authorize URL needs. */
export async function beginTransaction(start: TransactionStart, now = new Date()) {
  const db = await database();
  const state = oauth.generateRandomState();
  const codeVerifier = start.pkce ? oauth.generateRandomCodeVerifier() : undefined;
  const correlationId = randomUUID();
  await db.delete(oauthTransactions).where(lt(oauthTransactions.expiresAt, new Date(now.getTime() - 24 * 3600 * 1000)));
  await db.insert(oauthTransactions).values({
    stateHash: hashState(state),
    provider: start.provider,
    leafUserId: start.leafUserId,
    sessionId: start.sessionId,
    codeVerifier,
    correlationId,
    returnTo: start.returnTo,
    expiresAt: new Date(now.getTime() + transactionLifetimeMs()),
  });
  const codeChallenge = codeVerifier ? await oauth.calculatePKCECodeChallenge(codeVerifier) : undefined;
  return { state, codeChallenge, correlationId };
}

export interface ConsumedTransaction {
  state: string;
  leafUserId: string;
  codeVerifier?: string;
  correlationId: string;
  returnTo: string;
}

/**
 * Marks the transaction used in one statement, so of any number of concurrent callbacks exactly one
 * wins, and only when it was made for this provider and this session and is not expired: a callback
 * that fails those checks leaves it to its owner (anyone holding a victim's state cannot spoil it).
 */
export async function consumeTransaction(
  state: string,
  expected: { provider: string; sessionId: string },
  now = new Date(),
): Promise<ConsumedTransaction> {
  const db = await database();
  const stateHash = hashState(state);
  const [row] = await db
    .update(oauthTransactions)
    .set({ consumedAt: now })
    .where(
      and(
        eq(oauthTransactions.stateHash, stateHash),
        isNull(oauthTransactions.consumedAt),
        gt(oauthTransactions.expiresAt, now),
        eq(oauthTransactions.provider, expected.provider),
        eq(oauthTransactions.sessionId, expected.sessionId),
      ),
    )
    .returning();
  if (!row) throw await refusal(stateHash, expected, now);
  return {
    state,
    leafUserId: row.leafUserId,
    codeVerifier: row.codeVerifier ?? undefined,
    correlationId: row.correlationId,
    returnTo: row.returnTo,
  };
}

/** Why a callback could not spend the transaction, read without touching it. */
async function refusal(stateHash: string, expected: { provider: string; sessionId: string }, now: Date) {
  const db = await database();
  const [row] = await db.select().from(oauthTransactions).where(eq(oauthTransactions.stateHash, stateHash));
  if (!row || row.consumedAt) return new ConnectError("link_expired", "unknown or already used state");
  if (row.expiresAt <= now) return new ConnectError("link_expired", "transaction expired");
  if (row.provider !== expected.provider) return new ConnectError("mismatch", "state made for another provider");
  if (row.sessionId !== expected.sessionId) return new ConnectError("mismatch", "state made for another session");
  // Spent by a concurrent callback between the two statements.
  return new ConnectError("link_expired", "already used state");
}
