export interface Backoff {
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: Backoff = { baseMs: 2_000, capMs: 10 * 60_000 };

/**
 * Exponential backoff with full jitter (a random wait up to base·2^attempt, capped), never sooner than
 * Leaf's Retry-After. Full jitter keeps many retrying instances from hitting Leaf in waves.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterSeconds?: number,
  random: () => number = Math.random,
  policy: Backoff = defaultBackoff,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}
