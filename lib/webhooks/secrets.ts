import "server-only";
import { randomBytes } from "node:crypto";
import { type Keyring, open, seal } from "@/lib/crypto/seal";

/** 32 random bytes; the prefix tells a partner's secret scanner (and a person) what it is. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** What staff see after creation: enough to tell two secrets apart, nothing to sign with. */
export function maskSecret(hint: string): string {
  return `••••${hint}`;
}

export const secretHintOf = (secret: string) => secret.slice(-4);

// Bound to the endpoint: a sealed secret copied onto another endpoint's row does not open.
const bindingOf = (endpointId: string) => [endpointId, "webhook-secret"] as const;

export function sealSecret(keyring: Keyring, endpointId: string, secret: string) {
  return seal(keyring, bindingOf(endpointId), secret);
}

export function openSecret(keyring: Keyring, row: { id: string; keyId: string; sealedSecret: string }): string {
  return open(keyring, bindingOf(row.id), row.keyId, row.sealedSecret);
}
