import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionSnapshots, events, statusHistory } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { providerHealth } from "./provider-health";
import { verdictOf } from "./verdict";

let handle: Awaited<ReturnType<typeof freshDatabase>>;
const now = new Date("2026-03-31T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const broke = (leafUserId: string, provider: string, at: Date) => ({
  type: "connection.broken",
  leafUserId,
  provider,
  status: "reauth",
  at,
});

beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-health-"));
  handle = await freshDatabase();
  const snapshot = (i: number, provider: string, status = "ok") => ({ leafUserId: `g${i}`, provider, status });
  await handle.db
    .insert(connectionSnapshots)
    .values([
      ...Array.from({ length: 100 }, (_, i) => snapshot(i, "john-deere")),
      ...Array.from({ length: 50 }, (_, i) => snapshot(i, "trimble")),
      snapshot(999, "trimble", "not_connected"),
    ]);
  // Deere: 12 growers broke in the last hours (one of them twice); Trimble: one, as on most days.
  await handle.db.insert(events).values([
    ...Array.from({ length: 12 }, (_, i) => broke(`g${i}`, "john-deere", hoursAgo(2))),
    broke("g0", "john-deere", hoursAgo(1)),
    broke("g1", "trimble", hoursAgo(3)),
    // Before the last 24 hours: the norm. Deere's one break 5 days ago, a day of 200 connections.
    broke("g50", "john-deere", hoursAgo(24 * 5)),
    ...Array.from({ length: 15 }, (_, d) => broke(`g${d}`, "trimble", hoursAgo(24 * (d * 2 + 2)))),
    // Older than the 30-day window: not counted.
    broke("g60", "john-deere", hoursAgo(24 * 40)),
  ]);
  await handle.db.insert(statusHistory).values({
    day: hoursAgo(24 * 5)
      .toISOString()
      .slice(0, 10),
    provider: "john-deere",
    connected: 190,
    attention: 10,
    notConnected: 0,
  });
}, 60_000);
afterAll(() => handle.close());

describe("providerHealth", () => {
  it("tells a provider outage from breaks as usual", async () => {
    const figures = await providerHealth(now);
    const deere = figures.find((f) => f.provider === "john-deere")!;
    expect(deere).toMatchObject({ connections: 100, brokeToday: 12, shareToday: 0.12 });
    expect(deere.normalShare).toBeCloseTo(1 / 200 / 30, 6);
    expect(verdictOf(deere)).toBe("outage");

    const trimble = figures.find((f) => f.provider === "trimble")!;
    expect(trimble).toMatchObject({ connections: 50, brokeToday: 1, shareToday: 0.02 });
    expect(trimble.normalShare).toBeCloseTo(15 / 50 / 30, 6);
    expect(verdictOf(trimble)).toBe("normal");

    expect(figures.find((f) => f.provider === "climate-fieldview")).toMatchObject({ connections: 0, brokeToday: 0 });
  });
});
