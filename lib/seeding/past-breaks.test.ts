import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionSnapshots, events, growers, statusHistory } from "@/lib/db/schema";
import { providerHealth } from "@/lib/health/provider-health";
import { verdictOf } from "@/lib/health/verdict";
import { freshDatabase } from "@/lib/testing/db";
import { plannedBreaks, seededReason, seedPastBreaks } from "./past-breaks";

const dayMs = 86_400_000;
const now = new Date("2026-03-31T12:00:00Z");

describe("plannedBreaks", () => {
  it("breaks about 0.4% of a day's connections, inside the health panel's 30-day window, the same every time", () => {
    const breaks = plannedBreaks("john-deere", () => 1000, now);
    // 29 days of 1,000 connections at 0.4% a day.
    expect(breaks.length).toBeGreaterThan(29 * 4 * 0.7);
    expect(breaks.length).toBeLessThan(29 * 4 * 1.3);
    for (const b of breaks) {
      expect(b.at.getTime()).toBeLessThan(now.getTime() - dayMs);
      expect(b.at.getTime()).toBeGreaterThanOrEqual(now.getTime() - 31 * dayMs);
      expect(b).toMatchObject({ type: "connection.broken", provider: "john-deere", reason: seededReason });
    }
    expect(new Set(breaks.map((b) => b.leafUserId)).size).toBe(breaks.length);
    expect(plannedBreaks("john-deere", () => 1000, now)).toEqual(breaks);
  });

  it("gives a small sandbox at least one break in the month, and none without connections", () => {
    expect(plannedBreaks("trimble", () => 3, now).length).toBeGreaterThanOrEqual(1);
    expect(plannedBreaks("trimble", () => 0, now)).toEqual([]);
  });
});

/** A database of the describe block's own, opened before its tests and closed after. */
function ownDatabase(): () => Awaited<ReturnType<typeof freshDatabase>> {
  let handle: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-past-breaks-"));
    handle = await freshDatabase();
  }, 60_000);
  afterAll(() => handle.close());
  return () => handle;
}

const seededCount = async (handle: Awaited<ReturnType<typeof freshDatabase>>) =>
  (await handle.db.select({ n: count() }).from(events).where(eq(events.reason, seededReason)))[0]?.n;

describe("seedPastBreaks", () => {
  const db = ownDatabase();

  it("waits while the sandbox has no connections", async () => {
    expect(await seedPastBreaks(now)).toBe("waiting");
    expect(await seededCount(db())).toBe(0);
  });

  it("writes a past whose norm is plausible and non-zero, once, and a real outage still stands out", async () => {
    const ids = Array.from({ length: 500 }, (_, i) => `g${i}`);
    await db()
      .db.insert(growers)
      .values(ids.map((id) => ({ leafUserId: id, name: id, email: `${id}@f.test` })));
    await db()
      .db.insert(connectionSnapshots)
      .values(ids.map((leafUserId) => ({ leafUserId, provider: "john-deere", status: "ok" })));
    expect(await seedPastBreaks(now)).toBe("seeded");
    const written = await seededCount(db());
    expect(written).toBeGreaterThan(0);

    const deere = (await providerHealth(now)).find((f) => f.provider === "john-deere")!;
    expect(deere.normalShare).toBeGreaterThan(0.002);
    expect(deere.normalShare).toBeLessThan(0.008);
    expect(verdictOf({ ...deere, brokeToday: 2, shareToday: 2 / 500 })).toBe("normal");
    expect(verdictOf({ ...deere, brokeToday: 60, shareToday: 60 / 500 })).toBe("outage");

    expect(await seedPastBreaks(now)).toBe("declined");
    expect(await seedPastBreaks(new Date(now.getTime() + 3 * dayMs))).toBe("declined");
    expect(await seededCount(db())).toBe(written);
  });
});

describe("seedPastBreaks next to real history", () => {
  const db = ownDatabase();

  it("invents nothing when the sweep recorded a past day itself", async () => {
    await db().db.insert(connectionSnapshots).values({ leafUserId: "g1", provider: "trimble", status: "ok" });
    const real = { provider: "trimble", connected: 1, attention: 0, notConnected: 0 };
    await db()
      .db.insert(statusHistory)
      .values({ ...real, day: "2026-03-20", recordedAt: new Date("2026-03-20T23:00:00Z") });
    expect(await seedPastBreaks(now)).toBe("declined");
    expect((await db().db.select({ n: count() }).from(events))[0]?.n).toBe(0);
    const [kept] = await db().db.select().from(statusHistory).where(eq(statusHistory.day, "2026-03-20"));
    expect(kept).toMatchObject(real);
  });
});

describe("seedPastBreaks in a large sandbox", () => {
  const db = ownDatabase();

  it("writes more breaks than one statement's 65,535 parameters could carry", async () => {
    // 150,000 Trimble connections plan about 12,500 breaks, 6 parameters each.
    await db().db.execute(sql`insert into ${connectionSnapshots} (leaf_user_id, provider, status)
      select 'g' || i, 'trimble', 'ok' from generate_series(1, 150000) as i`);
    expect(await seedPastBreaks(now)).toBe("seeded");
    expect(await seededCount(db())).toBeGreaterThan(65_535 / 6);
  }, 60_000);
});
