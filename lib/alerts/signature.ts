import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** Leaf signs the raw body: `X-Leaf-Signature` is the base64 HMAC-SHA256 of exactly those bytes. */
export function signBody(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody, "utf8").digest("base64");
}

/**
 * Whether the header is Leaf's signature of this body. Both sides are compared as fixed-length digests,
 * so the time taken says nothing about how much of a forged signature was right.
 */
export function verifySignature(rawBody: string, header: string | null, secret: string): boolean {
  if (!header) return false;
  const presented = Buffer.from(header.trim().replace(/^sha256=/i, ""), "base64");
  const expected = Buffer.from(signBody(rawBody, secret), "base64");
  // A wrong-length value is refused before the compare, which needs equal lengths; the length of an
  // HMAC-SHA256 is public, so this leaks nothing.
  if (presented.length !== expected.length) return false;
  return timingSafeEqual(presented, expected);
}

/**
 * The delivery's id: Leaf's delivery id header when sent, else a digest of the signed body, which a
 * retry repeats byte for byte, so either way a redelivery maps to the row already stored.
 */
export function deliveryId(rawBody: string, header: string | null): string {
  const id = header?.trim();
  if (id && /^[\w.:-]{1,128}$/.test(id)) return id;
  return `sha256:${createHash("sha256").update(rawBody, "utf8").digest("hex")}`;
}
