import "server-only";
import { countDistinct } from "drizzle-orm";
import { providerSummary } from "@/lib/dashboard/status-counts";
import type { GroupCounts, ProviderSummary } from "@/lib/dashboard/types";
import { database } from "@/lib/db/client";
import { statusHistory } from "@/lib/db/schema";

// A fresh sandbox has one day of history, which the 30-day chart can only draw as dots. In sandbox mode,
// Headland starts with the 29 days before today filled in from today's counts, walked back along a gentle
// trend (fewer connections further back, a few more broken), so the chart shows lines from the first
// start. Real days recorded by the sweep are never overwritten.

const days = 30;

/** The counts `age` days before today, from today's: connections grow over the month, breaks come and go. */
export function countsDaysAgo(today: GroupCounts, age: number): GroupCounts {
  const total = today.connected + today.attention + today.not_connected;
  const connected = Math.round(today.connected * (1 - age / (days * 2.5)));
  // A small wave, so the attention line is not flat: breaks rise and are fixed within a week or so.
  const attention = Math.max(0, Math.round(today.attention * (1 + 0.35 * Math.sin(age / 2.2))));
  return { connected, attention, not_connected: Math.max(0, total - connected - attention) };
}

export function backfilledHistory(summary: ProviderSummary[], today: Date) {
  const rows = [];
  for (let age = 1; age < days; age++) {
    const day = new Date(today.getTime() - age * 86_400_000).toISOString().slice(0, 10);
    for (const { provider, counts } of summary) {
      const past = countsDaysAgo(counts, age);
      rows.push({
        day,
        provider,
        connected: past.connected,
        attention: past.attention,
        notConnected: past.not_connected,
      });
    }
  }
  return rows;
}

/** Fills the 29 days before today when the history holds at most one day; true when it wrote anything. */
export async function seedStatusHistory(now = new Date()): Promise<boolean> {
  const db = await database();
  const [known] = await db.select({ n: countDistinct(statusHistory.day) }).from(statusHistory);
  if ((known?.n ?? 0) > 1) return false;
  await db
    .insert(statusHistory)
    .values(backfilledHistory(await providerSummary(), now))
    .onConflictDoNothing();
  return true;
}
