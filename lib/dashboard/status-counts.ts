import "server-only";
import { asc, count, gte, sql } from "drizzle-orm";
import type { ConnectionStatus } from "@/lib/connections/status";
import { database } from "@/lib/db/client";
import { connectionSnapshots, growers, statusHistory } from "@/lib/db/schema";
import { providers } from "@/lib/providers";
import { recentlyComputed } from "./recently-computed";
import { statusGroup } from "./status-groups";
import type { GroupCounts, HistoryPoint, ProviderSummary } from "./types";

const rememberedSummary = recentlyComputed<ProviderSummary[]>(5_000, 1);
const rememberedHistory = recentlyComputed<HistoryPoint[]>(15_000, 1);

/** The summary, counted at most once every few seconds per instance (it scans every snapshot). */
export function recentProviderSummary(): Promise<ProviderSummary[]> {
  return rememberedSummary("summary", providerSummary);
}

/** Connected, needing attention and not connected, per provider, from the stored snapshots. */
export async function providerSummary(): Promise<ProviderSummary[]> {
  const db = await database();
  const [grouped, [all]] = await Promise.all([
    db
      .select({ provider: connectionSnapshots.provider, status: connectionSnapshots.status, n: count() })
      .from(connectionSnapshots)
      .groupBy(connectionSnapshots.provider, connectionSnapshots.status),
    db.select({ n: count() }).from(growers),
  ]);
  const total = all?.n ?? 0;
  return providers.map((p) => {
    const counts: GroupCounts = { connected: 0, attention: 0, not_connected: 0 };
    for (const row of grouped) if (row.provider === p.id) counts[statusGroup(row.status as ConnectionStatus)] += row.n;
    // A grower without a snapshot for this provider has never connected it.
    counts.not_connected = Math.max(0, total - counts.connected - counts.attention);
    return { provider: p.id, name: p.name, counts };
  });
}

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/** Keeps today's counts for the 30-day chart; later passes the same day overwrite earlier ones. */
export async function recordDailyCounts(now = new Date()): Promise<void> {
  const db = await database();
  const day = utcDay(now);
  for (const { provider, counts } of await providerSummary()) {
    const values = { connected: counts.connected, attention: counts.attention, notConnected: counts.not_connected };
    await db
      .insert(statusHistory)
      .values({ day, provider, ...values })
      .onConflictDoUpdate({
        target: [statusHistory.day, statusHistory.provider],
        set: { ...values, recordedAt: sql`now()` },
      });
  }
}

/**
 * The 30-day chart's points, read at most once every 15 s per instance: they change only when a sweep pass
 * records today's counts, and every dashboard render would otherwise read them again.
 */
export function rememberedRecentHistory(): Promise<HistoryPoint[]> {
  return rememberedHistory("history", () => recentHistory());
}

/** The stored daily counts of the last `days` days, oldest first. */
export async function recentHistory(days = 30, now = new Date()): Promise<HistoryPoint[]> {
  const db = await database();
  const from = utcDay(new Date(now.getTime() - (days - 1) * 24 * 3600 * 1000));
  const rows = await db
    .select()
    .from(statusHistory)
    .where(gte(statusHistory.day, from))
    .orderBy(asc(statusHistory.day));
  return rows.map((r) => ({
    day: r.day,
    provider: r.provider,
    counts: { connected: r.connected, attention: r.attention, not_connected: r.notConnected },
  }));
}
