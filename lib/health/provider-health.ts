import "server-only";
import { and, count, countDistinct, eq, gte, lt, ne, sql } from "drizzle-orm";
import { recentlyComputed } from "@/lib/dashboard/recently-computed";
import { database } from "@/lib/db/client";
import { connectionSnapshots, events, statusHistory } from "@/lib/db/schema";
import { providers } from "@/lib/providers";
import type { ProviderHealthFigures } from "./verdict";

const dayMs = 86_400_000;
const normDays = 30;

/**
 * Per provider: the share of its connections that broke in the last 24 hours, and the average daily share
 * over the 30 days before. A day's share divides its breaks by that day's connections from the 30-day
 * history where the sweep recorded them, else by today's.
 */
export async function providerHealth(now = new Date()): Promise<ProviderHealthFigures[]> {
  const db = await database();
  const dayAgo = new Date(now.getTime() - dayMs);
  const normFrom = new Date(dayAgo.getTime() - normDays * dayMs);
  const day = sql<string>`to_char(${events.at} at time zone 'UTC', 'YYYY-MM-DD')`;
  const [current, today, earlier, history] = await Promise.all([
    db
      .select({ provider: connectionSnapshots.provider, n: count() })
      .from(connectionSnapshots)
      .where(ne(connectionSnapshots.status, "not_connected"))
      .groupBy(connectionSnapshots.provider),
    db
      .select({ provider: events.provider, n: countDistinct(events.leafUserId) })
      .from(events)
      .where(and(eq(events.type, "connection.broken"), gte(events.at, dayAgo)))
      .groupBy(events.provider),
    db
      .select({ provider: events.provider, day, n: count() })
      .from(events)
      .where(and(eq(events.type, "connection.broken"), gte(events.at, normFrom), lt(events.at, dayAgo)))
      .groupBy(events.provider, day),
    db
      .select({
        provider: statusHistory.provider,
        day: statusHistory.day,
        connected: statusHistory.connected,
        attention: statusHistory.attention,
      })
      .from(statusHistory)
      .where(gte(statusHistory.day, normFrom.toISOString().slice(0, 10))),
  ]);
  return providers.map((p) => {
    const connections = current.find((r) => r.provider === p.id)?.n ?? 0;
    const brokeToday = today.find((r) => r.provider === p.id)?.n ?? 0;
    const sizeOn = (d: string) => {
      const h = history.find((r) => r.provider === p.id && r.day === d);
      return h ? h.connected + h.attention : connections;
    };
    // Days without a break count as a share of 0: the norm is an average over all 30 days.
    let shares = 0;
    for (const row of earlier) {
      if (row.provider !== p.id) continue;
      const size = Math.max(sizeOn(row.day), row.n);
      if (size > 0) shares += row.n / size;
    }
    return {
      provider: p.id,
      name: p.name,
      connections,
      brokeToday,
      shareToday: connections > 0 ? Math.min(1, brokeToday / connections) : 0,
      normalShare: shares / normDays,
    };
  });
}

// Open dashboards share one reading every 15 s: breaks are counted over a day, seconds change nothing.
const remembered = recentlyComputed<ProviderHealthFigures[]>(15_000, 1);

export function recentProviderHealth(): Promise<ProviderHealthFigures[]> {
  return remembered("health", () => providerHealth());
}
