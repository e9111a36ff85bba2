import { z } from "zod";

/** The credential events Headland registers for: both mean a grower's connection stopped working. */
export const credentialEvents = ["credentialsUnauthenticated", "credentialsLimitedPermission"] as const;

/**
 * Leaf's credential alert: `{type, provider, credentialId, credential, status, message, timestamp}`.
 * Only what Headland acts on is required; the status itself is re-read from Leaf, never taken from here.
 */
export const credentialAlert = z.looseObject({
  type: z.string().min(1),
  provider: z.string().nullish(),
  credentialId: z.union([z.string(), z.number()]).transform(String).nullish(),
  credential: z.looseObject({ leafUserId: z.string().nullish() }).nullish(),
  leafUserId: z.string().nullish(),
  status: z.string().nullish(),
  message: z.string().nullish(),
  timestamp: z.union([z.string(), z.number()]),
});
export type CredentialAlert = z.infer<typeof credentialAlert>;

export type AlertVerdict = { ok: true; alert: CredentialAlert } | { ok: false; reason: "malformed" | "stale" };

const clockSkewMs = 5 * 60_000;

/** Parses a verified body and refuses one older than maxAgeMs (or from the future beyond clock skew). */
export function readAlert(rawBody: string, now: number, maxAgeMs: number): AlertVerdict {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const parsed = credentialAlert.safeParse(json);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const at = typeof parsed.data.timestamp === "number" ? parsed.data.timestamp : Date.parse(parsed.data.timestamp);
  if (!Number.isFinite(at)) return { ok: false, reason: "malformed" };
  if (now - at > maxAgeMs || at - now > clockSkewMs) return { ok: false, reason: "stale" };
  return { ok: true, alert: parsed.data };
}

/** The grower the alert is about: Leaf puts the credential (with its user) in the payload. */
export const leafUserOf = (alert: CredentialAlert): string | undefined =>
  alert.credential?.leafUserId ?? alert.leafUserId ?? undefined;

/** "JohnDeere", "john-deere", "JOHN_DEERE" all name the same thing once reduced to letters. */
export const providerKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "");
