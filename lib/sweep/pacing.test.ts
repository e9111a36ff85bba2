import { describe, expect, it } from "vitest";
import { type Clock, runPaced, slidingWindowLimiter } from "./pacing";

/** Time that moves only when every pending promise is waiting on a sleep. */
class FakeClock implements Clock {
  private t = 0;
  private timers: { at: number; wake(): void }[] = [];

  now() {
    return this.t;
  }

  sleep(ms: number) {
    return new Promise<void>((wake) => this.timers.push({ at: this.t + ms, wake }));
  }

  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    void work.finally(() => (settled = true)).catch(() => undefined);
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) return work;
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers.shift();
      if (!next) throw new Error("deadlock: nothing to wait for");
      this.t = Math.max(this.t, next.at);
      next.wake();
    }
  }
}

/** The most requests sent in any window [t, t + 1000). */
function peakPerSecond(sent: { at: number; requests: number }[]): number {
  return Math.max(
    ...sent.map(({ at }) => sent.filter((s) => s.at >= at && s.at < at + 1000).reduce((n, s) => n + s.requests, 0)),
  );
}

describe("slidingWindowLimiter", () => {
  it("grants at most the rate in any second, in order", async () => {
    const clock = new FakeClock();
    const limiter = slidingWindowLimiter(10, clock);
    const granted: number[] = [];
    await clock.run(
      Promise.all(
        Array.from({ length: 25 }, (_, i) => limiter.schedule(async () => granted.push(i * 10_000 + clock.now()))),
      ),
    );
    expect(granted.map((g) => Math.floor(g / 10_000))).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(granted.map((g) => g % 10_000)).toEqual([
      ...Array(10).fill(0),
      ...Array(10).fill(1000),
      ...Array(5).fill(2000),
    ]);
  });

  it("sends at once while the window has room", async () => {
    const clock = new FakeClock();
    const limiter = slidingWindowLimiter(3, clock);
    const send = async () => clock.now();
    expect(
      await clock.run(Promise.all([limiter.schedule(send), limiter.schedule(send), limiter.schedule(send)])),
    ).toEqual([0, 0, 0]);
    expect(await clock.run(limiter.schedule(send))).toBe(1000);
  });
});

async function pacedRun(opts: { concurrency: number; perSecond: number; workMs: number }) {
  const clock = new FakeClock();
  const items = Array.from({ length: 60 }, (_, i) => ({ id: i, requests: i % 3 === 1 ? 2 : 1 }));
  const limiter = slidingWindowLimiter(opts.perSecond, clock);
  const sent: { at: number; requests: number }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  // A check as the sweep makes it: Deere's takes two requests, one after the other, each waiting its turn.
  const ran = await clock.run(
    runPaced(items, {
      concurrency: opts.concurrency,
      run: async (item) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        for (let i = 0; i < item.requests; i++) {
          await limiter.schedule(async () => {
            sent.push({ at: clock.now(), requests: 1 });
            await clock.sleep(opts.workMs / item.requests);
          });
        }
        inFlight--;
      },
    }),
  );
  return {
    ran,
    maxInFlight,
    peak: peakPerSecond(sent),
    elapsedMs: clock.now(),
    requests: items.reduce((n, i) => n + i.requests, 0),
  };
}

describe("runPaced", () => {
  it("never has more than `concurrency` checks in flight when checks are slow", async () => {
    const run = await pacedRun({ concurrency: 4, perSecond: 1000, workMs: 1500 });
    expect(run.ran).toBe(60);
    expect(run.maxInFlight).toBe(4);
    expect(run.elapsedMs).toBeGreaterThanOrEqual((60 / 4) * 1500);
  });

  it("never sends more than the rate in any second when checks are fast", async () => {
    const run = await pacedRun({ concurrency: 8, perSecond: 10, workMs: 20 });
    expect(run.ran).toBe(60);
    expect(run.peak).toBeLessThanOrEqual(10);
    expect(run.peak).toBeGreaterThanOrEqual(9);
    // 80 requests at 10 a second: the last ones go out in the 8th second.
    expect(run.elapsedMs).toBeGreaterThanOrEqual(((run.requests - 10) / 10) * 1000);
  });

  it("stops taking items once told to", async () => {
    const clock = new FakeClock();
    let allowed = 5;
    const ran = await clock.run(
      runPaced(
        Array.from({ length: 20 }, (_, i) => i),
        {
          concurrency: 2,
          keepGoing: () => allowed > 0,
          run: async () => {
            allowed--;
            await clock.sleep(10);
          },
        },
      ),
    );
    expect(ran).toBeLessThanOrEqual(6);
    expect(ran).toBeGreaterThanOrEqual(5);
  });
});
