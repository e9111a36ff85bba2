import { describe, expect, it } from "vitest";
import { inParallel } from "./in-parallel";

describe("inParallel", () => {
  it("runs at most `concurrency` at once and keeps results in order", async () => {
    let running = 0;
    let peak = 0;
    const results = await inParallel([5, 1, 4, 2, 3], 2, async (n) => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it("starts the next as soon as one ends, not when a whole batch has", async () => {
    const started: number[] = [];
    const t0 = performance.now();
    await inParallel([200, 10, 10, 10], 2, async (ms) => {
      started.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, ms));
    });
    // The last two start while the 200 ms one still runs.
    expect(Math.max(...started)).toBeLessThan(150);
  });
});
