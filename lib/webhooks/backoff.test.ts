import { describe, expect, it } from "vitest";
import { nextAttemptAt, type RetryPolicy } from "./backoff";

const day = 24 * 3600_000;
const policy: RetryPolicy = { baseMs: 10_000, capMs: 3600_000, giveUpAfterMs: day };
const created = new Date("2026-12-01T00:00:00Z");
const atOffset = (ms: number) => new Date(created.getTime() + ms);
const delay = (attempts: number, random: number, nowMs = 0) =>
  (nextAttemptAt(attempts, created, atOffset(nowMs), policy, () => random)?.getTime() ?? Number.NaN) -
  atOffset(nowMs).getTime();

describe("webhook retry schedule", () => {
  it("doubles from the base with jitter of at most half a step, up to the cap", () => {
    expect([1, 2, 3, 4].map((n) => delay(n, 0))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect([1, 2, 3, 4].map((n) => delay(n, 0.999_999))).toEqual([9_999, 19_999, 39_999, 79_999]);
    expect(delay(30, 0)).toBe(1800_000);
    expect(delay(30, 0.999_999)).toBeLessThan(3600_000);
  });

  it("keeps trying for a day, then gives up", () => {
    let now = 0;
    let attempts = 0;
    for (;;) {
      const next = nextAttemptAt(++attempts, created, atOffset(now), policy, () => 0.5);
      if (!next) break;
      now = next.getTime() - created.getTime();
    }
    expect(now).toBeLessThanOrEqual(day);
    expect(now).toBeGreaterThan(day - 3600_000);
    // 10 s doubling to the hourly cap, then every 45 minutes at mid jitter: about 40 attempts in the day.
    expect(attempts).toBeGreaterThan(35);
    expect(attempts).toBeLessThan(45);
    expect(nextAttemptAt(1, created, atOffset(day - 1000), policy, () => 0)).toBeUndefined();
  });
});
