import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { countAttempt, refundAttempt } from "./rate-limit";

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
