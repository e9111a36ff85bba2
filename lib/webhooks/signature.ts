import { createHmac, timingSafeEqual } from "node:crypto";

// Pure crypto with no server-only import: the e2e receiver verifies with it too, as a partner's would.

/** Stripe's and Standard Webhooks' habit: five minutes either way covers clock skew, not a replay a day later. */
export const defaultToleranceSeconds = 300;

export const signatureHeader = "Headland-Signature";
export const eventIdHeader = "Headland-Event-Id";

function hmacHex(secret: string, timestamp: number, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex");
}

/** The Headland-Signature value: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
export function signatureFor(secret: string, rawBody: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, rawBody)}`;
}

export type Verification = { ok: true; timestamp: number } | { ok: false; reason: string };

/**
 * Checks a Headland-Signature header against the raw body as received (before any JSON parsing). Several
 * v1 values may appear (a secret being rotated); any one matching is enough.
 */
export function verifySignature(
  secret: string,
  rawBody: string,
  header: string | null | undefined,
  options: { nowSeconds?: number; toleranceSeconds?: number } = {},
): Verification {
  if (!header) return { ok: false, reason: "no signature header" };
  const parts = header.split(",").map((part) => part.trim().split("=", 2) as [string, string | undefined]);
  const timestamp = Number(parts.find(([key]) => key === "t")?.[1]);
  const candidates = parts.filter(([key, value]) => key === "v1" && value).map(([, value]) => value as string);
  if (!Number.isInteger(timestamp) || candidates.length === 0) return { ok: false, reason: "malformed header" };
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? defaultToleranceSeconds))
    return { ok: false, reason: "timestamp outside the tolerance" };
  const expected = Buffer.from(hmacHex(secret, timestamp, rawBody), "hex");
  const matches = candidates.some((candidate) => {
    const given = Buffer.from(candidate, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true, timestamp } : { ok: false, reason: "signature does not match" };
}
