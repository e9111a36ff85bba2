import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { audit } from "@/lib/audit";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { type ApiKeyScope, apiKeys } from "@/lib/db/schema";

// API keys: 32 random bytes, so a plain SHA-256 is the right hash (nothing to guess, no salt or slow hash
// needed, and a lookup by hash is one index read). The key itself is returned once and never stored.

export interface ApiKey {
  id: string;
  name: string;
  scope: ApiKeyScope;
}

export interface ApiKeyListing extends ApiKey {
  /** Like `hl_live_••••3f9a`. */
  masked: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const keyPattern = /^hl_(live|test)_[A-Za-z0-9_-]{43}$/;

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

const kindOf = () => (config().sandbox ? "hl_test_" : "hl_live_");

export function maskApiKey(hint: string): string {
  const [kind, last4] = hint.split(":");
  return `${kind}••••${last4}`;
}

export async function createApiKey(
  input: { name: string; scope: ApiKeyScope },
  actor: string,
): Promise<ApiKey & { key: string; masked: string }> {
  const kind = kindOf();
  const key = `${kind}${randomBytes(32).toString("base64url")}`;
  const hint = `${kind}:${key.slice(-4)}`;
  const db = await database();
  const [row] = await db
    .insert(apiKeys)
    .values({ name: input.name, scope: input.scope, keyHash: hashApiKey(key), hint, createdBy: actor })
    .returning();
  await audit({ actor, action: "api_key_create", outcome: "created", detail: `${input.name} (${input.scope})` });
  return { id: row!.id, name: row!.name, scope: row!.scope, key, masked: maskApiKey(hint) };
}

export async function listApiKeys(): Promise<ApiKeyListing[]> {
  const db = await database();
  const rows = await db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
  return rows.map(({ keyHash: _hash, hint, ...row }) => ({ ...row, masked: maskApiKey(hint) }));
}

/** Stops the key at once: every request looks it up afresh. False when there was no live key with that id. */
export async function revokeApiKey(id: string, actor: string): Promise<boolean> {
  const db = await database();
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ name: apiKeys.name });
  if (row) await audit({ actor, action: "api_key_revoke", outcome: "revoked", detail: row.name });
  return Boolean(row);
}

/** The live key a request presents, marked used now; undefined for a malformed, unknown or revoked key. */
export async function presentApiKey(presented: string): Promise<ApiKey | undefined> {
  if (!keyPattern.test(presented)) return undefined;
  const db = await database();
  const [row] = await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiKeys.keyHash, hashApiKey(presented)), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name, scope: apiKeys.scope });
  return row;
}
