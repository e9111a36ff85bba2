import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/lib/testing/db";
import { countAttempt, refundAttempt } from "./rate-limit";

let close: () => Promise<void>;
beforeAll(async () => ({ close } = await freshDatabase()));
afterAll(() => close());

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
    for (let i = 0; i < 3; i++) await countAttempt("email:c", 2, 50);
    await new Promise((r) => setTimeout(r, 80));
    expect(await countAttempt("email:c", 2, 50)).toBe(true);
  });
});
