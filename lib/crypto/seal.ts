import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Keys from HEADLAND_ENCRYPTION_KEY: "id:base64url-32-bytes[,id:key...]". The first key seals; every key
 * listed opens, so a key rotates by putting the new one first, running `npm run keys:rewrap`, and then
 * dropping the old one.
 */
export interface Keyring {
  current: { id: string; key: Buffer };
  byId: Map<string, Buffer>;
}

export function parseKeyring(value: string): Keyring {
  const entries = value.split(",").map((entry, index) => {
    const [id, encoded] = entry.includes(":") ? entry.split(":", 2) : [`k${index + 1}`, entry];
    const key = Buffer.from((encoded ?? "").trim(), "base64url");
    if (!id?.trim() || key.length !== 32)
      throw new Error("HEADLAND_ENCRYPTION_KEY: each key must be id:base64url of 32 random bytes");
    return { id: id.trim(), key };
  });
  const current = entries[0];
  if (!current) throw new Error("HEADLAND_ENCRYPTION_KEY: no key");
  const byId = new Map(entries.map((e) => [e.id, e.key]));
  // With a repeated id, sealing would use the first key and opening the last: every new record unreadable.
  if (byId.size !== entries.length) {
    const repeated = entries.find((e, i) => entries.findIndex((other) => other.id === e.id) !== i);
    throw new Error(`HEADLAND_ENCRYPTION_KEY: key id ${repeated?.id} appears more than once`);
  }
  return { current, byId };
}

/**
 * What a sealed value belongs to, e.g. [record id, grower, provider]: it opens only with the same list,
 * so a value copied or moved to another record, grower or provider fails to open.
 */
export type Binding = readonly [recordId: string, ...context: string[]];

// Values sealed before the binding carried more than the record id have no prefix ("." is not base64url).
const current = "v2.";
const associatedData = (binding: Binding) => Buffer.from(JSON.stringify(["headland/v2", ...binding]), "utf8");

/** True when the value was sealed under the first key with the full binding: nothing to rewrap. */
export function isCurrent(keyring: Keyring, keyId: string, sealed: string): boolean {
  return keyId === keyring.current.id && sealed.startsWith(current);
}

/** AES-256-GCM with a random 96-bit nonce; the binding is associated data. */
export function seal(keyring: Keyring, binding: Binding, plaintext: string): { keyId: string; sealed: string } {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.key, nonce);
  cipher.setAAD(associatedData(binding));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const raw = Buffer.concat([nonce, cipher.getAuthTag(), body]).toString("base64url");
  return { keyId: keyring.current.id, sealed: `${current}${raw}` };
}

/**
 * Throws unless the value was sealed with this binding under a listed key. A value from before v2 was
 * bound to the record id alone and still opens that way until `keys:rewrap` seals it again; stripping
 * the prefix from a v2 value cannot downgrade it, since its tag covers the full binding.
 */
export function open(keyring: Keyring, binding: Binding, keyId: string, sealed: string): string {
  const key = keyring.byId.get(keyId);
  if (!key) throw new Error(`no encryption key with id ${keyId}`);
  const versioned = sealed.startsWith(current);
  const raw = Buffer.from(versioned ? sealed.slice(current.length) : sealed, "base64url");
  // A fixed tag length: Node would otherwise accept a tag cut down to 4 bytes, which a forger can guess.
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12), { authTagLength: 16 });
  decipher.setAAD(versioned ? associatedData(binding) : Buffer.from(binding[0], "utf8"));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
