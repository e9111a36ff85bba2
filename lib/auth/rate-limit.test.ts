import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rateLimits } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { countAttempt, deleteExpiredWindows, longestWindowMs, recordAttempt, refundAttempt } from "./rate-limit";

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => (database = await freshDatabase()));
afterAll(() => database.close());

/** Windows run on the database's clock, which a test cannot move forward: the window's start moves back instead. */
const windowStartedEarlier = (key: string, ms: number) =>
  database.db
    .update(rateLimits)
    .set({ windowStart: sql`${rateLimits.windowStart} - ${`${ms} milliseconds`}::interval` })
    .where(eq(rateLimits.key, key));

describe("sign-in attempt counters", () => {
  it("allow up to the limit in a window, then refuse", async () => {
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await countAttempt("email:a", 3, 60_000));
    expect(results).toEqual([true, true, true, false, false]);
    expect(await countAttempt("email:b", 3, 60_000)).toBe(true);
  });

  it("let no more than the limit through in a parallel burst", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => countAttempt("email:burst", 5, 60_000)));
    expect(results.filter(Boolean)).toHaveLength(5);
  });

  it("do not count refunded (successful) attempts", async () => {
    for (let i = 0; i < 10; i++) {
      expect(await countAttempt("email:staff", 3, 60_000)).toBe(true);
      await refundAttempt("email:staff");
    }
  });

  it("start a new window once the old one has passed", async () => {
    for (let i = 0; i < 3; i++) await countAttempt("email:c", 2, 60_000);
    await windowStartedEarlier("email:c", 55_000); // 55 s into a 60 s window
    expect(await countAttempt("email:c", 2, 60_000)).toBe(false);
    await windowStartedEarlier("email:c", 6_000); // 61 s: a new window, with the whole limit
    expect(await countAttempt("email:c", 2, 60_000)).toBe(true);
    expect(await countAttempt("email:c", 2, 60_000)).toBe(true);
    expect(await countAttempt("email:c", 2, 60_000)).toBe(false);
  });
});

describe("expired windows", () => {
  const keys = async () => (await database.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);

  it("are deleted; windows still running are kept, count and all", async () => {
    await countAttempt("cleanup:old", 10, 60_000);
    await countAttempt("cleanup:live", 10, longestWindowMs);
    await countAttempt("cleanup:live", 10, longestWindowMs);
    await windowStartedEarlier("cleanup:old", longestWindowMs + 1_000);
    await windowStartedEarlier("cleanup:live", longestWindowMs - 60_000);
    expect(await deleteExpiredWindows()).toBeGreaterThanOrEqual(1);
    expect(await keys()).not.toContain("cleanup:old");
    expect((await recordAttempt("cleanup:live", longestWindowMs)).count).toBe(3);
  });

  it("go without anyone asking: counting an attempt sweeps them out now and then", async () => {
    await countAttempt("cleanup:forgotten", 10, 60_000);
    await windowStartedEarlier("cleanup:forgotten", longestWindowMs + 1_000);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 5 * 60_000); // past the once-a-minute pause since the last test's cleanup
      await countAttempt("cleanup:someone-else", 10, 60_000);
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(async () => expect(await keys()).not.toContain("cleanup:forgotten"));
  });

  it("a window longer than the cleanup keeps rows is refused, so no live counter is ever swept away", async () => {
    await expect(countAttempt("cleanup:too-long", 10, longestWindowMs + 1)).rejects.toThrow(/outlives/);
  });
});
