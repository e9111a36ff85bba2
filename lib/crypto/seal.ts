import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Keys from HEADLAND_ENCRYPTION_KEY: "id:base64url-32-bytes[,id:key...]". The first key seals; every key
 * listed opens, so a key rotates by putting the new one first and dropping the old one once no record
 * sealed with it remains.
 */
export interface Keyring {
  current: { id: string; key: Buffer };
  byId: Map<string, Buffer>;
}

export function parseKeyring(value: string): Keyring {
  const entries = value.split(",").map((entry, index) => {
    const [id, encoded] = entry.includes(":") ? entry.split(":", 2) : [`k${index + 1}`, entry];
    const key = Buffer.from((encoded ?? "").trim(), "base64url");
    if (!id || key.length !== 32)
      throw new Error("HEADLAND_ENCRYPTION_KEY: each key must be id:base64url of 32 random bytes");
    return { id: id.trim(), key };
  });
  const current = entries[0];
  if (!current) throw new Error("HEADLAND_ENCRYPTION_KEY: no key");
  return { current, byId: new Map(entries.map((e) => [e.id, e.key])) };
}

/** AES-256-GCM with a random 96-bit nonce; the record id is associated data, so a sealed value moved to another record fails to open. */
export function seal(keyring: Keyring, recordId: string, plaintext: string): { keyId: string; sealed: string } {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.key, nonce);
  cipher.setAAD(Buffer.from(recordId, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { keyId: keyring.current.id, sealed: Buffer.concat([nonce, cipher.getAuthTag(), body]).toString("base64url") };
}

export function open(keyring: Keyring, recordId: string, keyId: string, sealed: string): string {
  const key = keyring.byId.get(keyId);
  if (!key) throw new Error(`no encryption key with id ${keyId}`);
  const raw = Buffer.from(sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(recordId, "utf8"));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
