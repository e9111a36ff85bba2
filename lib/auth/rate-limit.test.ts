import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/lib/testing/db";
import { withinLimit } from "./rate-limit";

let close: () => Promise<void>;
beforeAll(async () => ({ close } = await freshDatabase()));
afterAll(() => close());

describe("withinLimit", () => {
  it("allows up to the limit in a window, then refuses", async () => {
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await withinLimit("email:a", 3, 60_000));
    expect(results).toEqual([true, true, true, false, false]);
    expect(await withinLimit("email:b", 3, 60_000)).toBe(true);
  });

  it("starts a new window once the old one has passed", async () => {
    for (let i = 0; i < 3; i++) await withinLimit("email:c", 2, 50);
    await new Promise((r) => setTimeout(r, 80));
    expect(await withinLimit("email:c", 2, 50)).toBe(true);
  });
});
