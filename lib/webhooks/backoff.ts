export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  /** How long after the event a delivery is still tried; after that it is given up and shown to staff. */
  giveUpAfterMs: number;
}

/**
 * When to try again after `attempts` failed attempts, or undefined once that would be past the give-up
 * time. Exponential from `baseMs`, capped, with "equal jitter": at least half the step, so a receiver that
 * is down is not hit again at once, and many deliveries do not retry in step.
 */
export function nextAttemptAt(
  attempts: number,
  createdAt: Date,
  now: Date,
  policy: RetryPolicy,
  random: () => number = Math.random,
): Date | undefined {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  const at = now.getTime() + step / 2 + Math.floor((random() * step) / 2);
  return at > createdAt.getTime() + policy.giveUpAfterMs ? undefined : new Date(at);
}
