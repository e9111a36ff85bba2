import { createPrivateKey, createPublicKey, type JsonWebKey } from "node:crypto";
import { z } from "zod";
import type { Sandbox, SandboxKeys } from "./context";
import { validateCredential } from "./leaf/validation";

// What `npm start`'s sandbox keeps across restarts: Leaf's users, credentials, sessions and webhooks, the
// providers' grants and tokens, the keys that signed them and the clock's offset. Not kept: faults and call
// counts (a test's own), caught mail, and alert deliveries in flight.

const text = z.string();
const texts = z.array(z.string());

const user = z.object({
  id: text,
  name: text,
  email: text,
  phone: text.nullable(),
  address: text.nullable(),
  externalId: text.nullable(),
  createdTime: text,
});

const credential = z.object({
  id: text,
  userId: text,
  kind: text,
  status: text,
  createdTime: text,
  posted: z.record(z.string(), z.string()),
  accessToken: text.nullable(),
  refreshToken: text,
  scopes: texts,
  grantId: text.optional(),
  followsGrant: z.boolean(),
  events: z.array(z.object({ id: text, body: text, headers: text, statusCode: z.number(), createdDate: text })),
});

const grant = z.object({
  id: text,
  provider: text,
  clientId: text,
  subject: text,
  scopes: texts,
  organizations: z.array(z.object({ id: text, name: text })),
  selectedOrganizationIds: texts,
});

const code = z.object({
  grantId: text,
  clientId: text,
  redirectUri: text,
  challenge: text.optional(),
  nonce: text.optional(),
  expiresAt: z.number(),
  used: z.boolean(),
});

const token = z.object({
  kind: z.enum(["access", "refresh"]),
  provider: text,
  grantId: text,
  clientId: text,
  family: text,
  scopes: texts,
  expiresAt: z.number(),
  revoked: z.boolean(),
});

const webhook = z.object({ id: text, name: text, url: text, secret: text, events: texts, createdTime: text });

/** Version 1 of the saved state; a file of another version is set aside, not half-read. */
export const snapshotSchema = z.object({
  version: z.literal(1),
  savedAt: text,
  keys: z.object({ leafHmac: text, idTokenJwk: z.record(z.string(), z.unknown()), kid: text }),
  clockOffsetMs: z.number(),
  issued: texts,
  providers: z.object({
    grants: z.array(grant),
    codes: z.array(z.tuple([text, code])),
    tokens: z.array(z.tuple([text, token])),
    newestGrantByClient: z.array(z.tuple([text, text])),
  }),
  leaf: z.object({
    sessions: z.array(z.tuple([text, z.number()])),
    ttlOverrideSeconds: z.number().optional(),
    users: z.array(user),
    credentials: z.array(credential),
    pendingValidation: texts,
    webhooks: z.array(webhook),
  }),
});
export type Snapshot = z.output<typeof snapshotSchema>;

export function snapshotOf({ keys, state }: Sandbox, now = new Date()): Snapshot {
  const { credentials, pendingIds } = state.leaf.credentials.all();
  return {
    version: 1,
    savedAt: now.toISOString(),
    keys: {
      leafHmac: keys.leafHmac.toString("base64"),
      idTokenJwk: keys.idToken.privateKey.export({ format: "jwk" }) as Record<string, unknown>,
      kid: keys.idToken.kid,
    },
    clockOffsetMs: state.clock.offset,
    issued: [...state.issued],
    providers: state.providers.memory(),
    leaf: {
      sessions: state.leaf.sessions.entries(),
      ttlOverrideSeconds: state.leaf.sessions.ttlOverrideSeconds,
      users: state.leaf.users.all(),
      credentials,
      pendingValidation: pendingIds,
      webhooks: state.leaf.alerts.webhooks(),
    },
  };
}

/** The saved keys, so Leaf tokens and Trimble id_tokens issued before the restart still verify. */
export function keysFrom(saved: Snapshot["keys"]): SandboxKeys {
  const privateKey = createPrivateKey({ key: saved.idTokenJwk as JsonWebKey, format: "jwk" });
  const publicJwk = createPublicKey(privateKey).export({ format: "jwk" });
  return {
    leafHmac: Buffer.from(saved.leafHmac, "base64"),
    idToken: { privateKey, kid: saved.kid, publicJwk: { ...publicJwk, kid: saved.kid, alg: "RS256", use: "sig" } },
  };
}

/**
 * Puts a saved state into a fresh one. A credential that was still PROCESSING is validated again after the
 * usual delay, as if Leaf had picked its queue back up.
 */
export function restoreInto(sandbox: Sandbox, saved: Snapshot): void {
  const { state } = sandbox;
  state.clock.offset = saved.clockOffsetMs;
  for (const secret of saved.issued) state.issued.add(secret);
  state.providers.restore(saved.providers);
  state.leaf.sessions.restore(saved.leaf.sessions, saved.leaf.ttlOverrideSeconds);
  state.leaf.users.restore(saved.leaf.users);
  state.leaf.credentials.restore(saved.leaf.credentials);
  state.leaf.alerts.restore(saved.leaf.webhooks);
  const pending = new Set(saved.leaf.pendingValidation);
  for (const restored of state.leaf.credentials.all().credentials) {
    if (!pending.has(restored.id)) continue;
    state.leaf.credentials.scheduleValidation(restored, sandbox.processingDelayMs, () =>
      validateCredential(state, restored),
    );
  }
}
