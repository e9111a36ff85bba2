// How the sweep paces its calls to Leaf: a bounded number in flight and a request-rate ceiling.
// Time comes from a Clock so tests can run hours of pacing in milliseconds.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

// Monotonic and finer than Date.now(), whose whole milliseconds can let 1,000 "ms" be 999.2 real ones.
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RateLimiter {
  /** Calls `send` as soon as one more request fits the rate, in the same instant its turn is counted. */
  schedule<T>(send: () => Promise<T>): Promise<T>;
}

/**
 * At most `perSecond` requests in any one-second window (a sliding window, not a bucket that could burst
 * twice the rate across a boundary), sent in the order they were scheduled. `send` runs synchronously
 * in its turn, and the turn is stamped after it: a pause between the two (a GC, a busy event loop) can
 * only delay later requests, never let one more into a window.
 */
export function slidingWindowLimiter(perSecond: number, clock: Clock = systemClock): RateLimiter {
  const windowMs = 1000;
  /**
   * When each of the last `perSecond` requests was sent, stamped after it left: a late stamp only makes
   * the limit stricter.
   */
  const granted: number[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  async function whenRoom<T>(send: () => Promise<T>): Promise<{ sent: Promise<T> }> {
    for (;;) {
      const now = clock.now();
      while (granted.length && now - granted[0]! >= windowMs) granted.shift();
      if (granted.length < perSecond) {
        const sent = send();
        granted.push(clock.now());
        return { sent };
      }
      await clock.sleep(granted[0]! + windowMs - now);
    }
  }

  return {
    schedule(send) {
      // The queue waits for turns only, never for the requests themselves.
      const turn = queue.then(() => whenRoom(send));
      queue = turn.catch(() => undefined);
      return turn.then((t) => t.sent);
    },
  };
}

export interface PacedWork<T> {
  concurrency: number;
  run(item: T): Promise<void>;
  /** Checked between items; false stops taking new ones (the lease was lost). */
  keepGoing?(): boolean;
}

/**
 * Runs every item in order with at most `concurrency` in flight (the rate is kept per request, by the
 * limiter). Returns how many ran.
 */
export async function runPaced<T>(items: readonly T[], work: PacedWork<T>): Promise<number> {
  let next = 0;
  let done = 0;
  async function worker(): Promise<void> {
    while (next < items.length && (work.keepGoing?.() ?? true)) {
      const item = items[next++]!;
      await work.run(item);
      done++;
    }
  }
  await Promise.all(Array.from({ length: Math.min(work.concurrency, items.length) }, worker));
  return done;
}
