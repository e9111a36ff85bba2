import { randomBytes, timingSafeEqual } from "node:crypto";

/** A bearer secret: 32 random bytes, base64url, behind a prefix that tells tests what kind it is. */
export function randomSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** Compares secrets in constant time, so the sandbox does not model a timing oracle. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
