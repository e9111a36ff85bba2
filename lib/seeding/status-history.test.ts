import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recentHistory } from "@/lib/dashboard/status-counts";
import { statusHistory } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { countsDaysAgo, seedStatusHistory } from "./status-history";

let handle: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-history-seed-"));
  handle = await freshDatabase();
}, 60_000);
afterAll(() => handle.close());

describe("countsDaysAgo", () => {
  it("keeps the number of growers and walks connections back along the trend", () => {
    const today = { connected: 100, attention: 10, not_connected: 40 };
    for (const age of [1, 10, 29]) {
      const past = countsDaysAgo(today, age);
      expect(past.connected + past.attention + past.not_connected).toBe(150);
      expect(past.connected).toBeLessThan(100);
    }
  });
});

describe("seedStatusHistory", () => {
  it("fills the 29 days before today once, so the chart draws lines, and leaves real days alone", async () => {
    const now = new Date("2026-03-31T12:00:00Z");
    await handle.db
      .insert(statusHistory)
      .values({ day: "2026-03-31", provider: "trimble", connected: 7, attention: 1, notConnected: 2 });
    expect(await seedStatusHistory(now)).toBe(true);
    const history = await recentHistory(30, now);
    const trimble = history.filter((h) => h.provider === "trimble");
    expect(trimble).toHaveLength(30);
    expect(trimble.at(-1)?.counts).toEqual({ connected: 7, attention: 1, not_connected: 2 });
    expect(await seedStatusHistory(now)).toBe(false);
  });
});
