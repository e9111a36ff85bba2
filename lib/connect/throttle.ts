import "server-only";
import { recordAttempt } from "@/lib/auth/rate-limit";
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

async function withinLimit(key: string, limit: number): Promise<boolean> {
  if ((refusedUntil.get(key) ?? 0) > Date.now()) return false;
  const { count, windowEndsAt } = await recordAttempt(key, windowMs);
  if (count <= limit) return true;
  if (refusedUntil.size > 10_000)
    for (const [k, until] of refusedUntil) if (until <= Date.now()) refusedUntil.delete(k);
  refusedUntil.set(key, windowEndsAt);
  return false;
}

/**
 * Consent starts and callbacks per minute from one address (a farm office shares one), checked before
 * anything else the request costs. The address is the one scripts/server.mjs set.
 */
export function addressAllowed(step: Step, headers: Headers): Promise<boolean> {
  const address = addressBucket(headers.get(clientAddressHeader) || "unknown");
  return withinLimit(`connect-${step}:address:${address}`, config().connectLimits.perAddress);
}

/** Consent starts and callbacks per minute from one signed-in session: one grower clicking, or one script. */
export function sessionAllowed(step: Step, sessionId: string | undefined): Promise<boolean> {
  if (!sessionId) return Promise.resolve(true);
  return withinLimit(`connect-${step}:session:${sessionId}`, config().connectLimits.perSession);
}
