import { generateKeyPairSync, type KeyObject, randomBytes, randomUUID } from "node:crypto";
import type { Catalog } from "./catalog";
import type { Mailbox } from "./mail/catcher";
import type { State } from "./store";

export interface SandboxKeys {
  /** Signs Leaf's id_tokens; private to this instance, so no other instance's tokens pass. */
  leafHmac: Buffer;
  /** Signs OpenID providers' id_tokens (Trimble's); the public half is served as a JWKS. */
  idToken: { privateKey: KeyObject; publicJwk: Record<string, unknown>; kid: string };
}

/** One running sandbox: fixed settings and keys, plus the state that `/_sandbox/reset` replaces. */
export interface Sandbox {
  readonly url: string;
  readonly processingDelayMs: number;
  /** One of Leaf's alert-retry minutes, in ms here (SANDBOX_ALERT_RETRY_UNIT_MS). */
  readonly alertRetryUnitMs: number;
  /** Exact redirect URIs registered beyond the loopback rule (SANDBOX_EXTRA_REDIRECT_URIS). */
  readonly extraRedirectUris: readonly string[];
  readonly keys: SandboxKeys;
  readonly catalog: Catalog;
  /** Mail the SMTP catcher caught; `/_sandbox/reset` empties it with the rest. */
  readonly mailbox: Mailbox;
  /** Something in `state` changed: with a data directory, it is saved soon; otherwise nothing happens. */
  readonly changed: () => void;
  state: State;
}

export function createKeys(): SandboxKeys {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomUUID();
  return {
    leafHmac: randomBytes(32),
    idToken: { privateKey, kid, publicJwk: { ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" } },
  };
}

export function extraRedirectUrisFromEnv(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((uri) => uri.trim())
    .filter(Boolean);
}
