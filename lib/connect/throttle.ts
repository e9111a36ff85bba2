import "server-only";
import { recordAttempt, recordAttempts } from "@/lib/auth/rate-limit";
import { config } from "@/lib/config";
import { addressBucket, clientAddressHeader } from "@/lib/http/client-address";

const windowMs = 60_000;
type Step = "start" | "callback";

/**
 * A key refused in this window stays refused until the window ends (its count only grows), so a flood is
 * answered from memory after its first refusal: no session lookup, no database write. Only refusals are
 * remembered; the shared count in the database still decides every request let through.
 */
const refusedUntil = new Map<string, number>();

const refusedNow = (key: string) => (refusedUntil.get(key) ?? 0) > Date.now();

function remember(key: string, windowEndsAt: number): void {
  if (refusedUntil.size > 10_000)
    for (const [k, until] of refusedUntil) if (until <= Date.now()) refusedUntil.delete(k);
  refusedUntil.set(key, windowEndsAt);
}

async function withinLimit(key: string, limit: number): Promise<boolean> {
  if (refusedNow(key)) return false;
  const { count, windowEndsAt } = await recordAttempt(key, windowMs);
  if (count <= limit) return true;
  remember(key, windowEndsAt);
  return false;
}

// The address is the one scripts/server.mjs set.
const addressKey = (step: Step, headers: Headers) =>
  `connect-${step}:address:${addressBucket(headers.get(clientAddressHeader) || "unknown")}`;
const sessionKey = (step: Step, sessionId: string) => `connect-${step}:session:${sessionId}`;

/**
 * Consent starts and callbacks per minute from one address (a farm office shares one), checked before
 * anything else the request costs.
 */
export function addressAllowed(step: Step, headers: Headers): Promise<boolean> {
  return withinLimit(addressKey(step, headers), config().connectLimits.perAddress);
}

/** Consent starts and callbacks per minute from one signed-in session: one grower clicking, or one script. */
export function sessionAllowed(step: Step, sessionId: string | undefined): Promise<boolean> {
  if (!sessionId) return Promise.resolve(true);
  return withinLimit(sessionKey(step, sessionId), config().connectLimits.perSession);
}

/** An address already refused in this window, from memory alone: answered before the session is read. */
export function addressRefused(step: Step, headers: Headers): boolean {
  return refusedNow(addressKey(step, headers));
}

/**
 * Both limits at once, the address's and the session's (when signed in), counted in one statement: the
 * callback's hot path pays one database round trip for its limits, not two. Routes call
 * addressRefused first, so a flood already refused costs no session lookup.
 */
export async function connectAllowed(step: Step, headers: Headers, sessionId: string | undefined): Promise<boolean> {
  const { perAddress, perSession } = config().connectLimits;
  const limits = new Map([[addressKey(step, headers), perAddress]]);
  if (sessionId) limits.set(sessionKey(step, sessionId), perSession);
  const keys = [...limits.keys()];
  if (keys.some(refusedNow)) return false;
  const counts = await recordAttempts(keys, windowMs);
  let allowed = true;
  for (const [i, { count, windowEndsAt }] of counts.entries()) {
    if (count <= limits.get(keys[i]!)!) continue;
    remember(keys[i]!, windowEndsAt);
    allowed = false;
  }
  return allowed;
}
