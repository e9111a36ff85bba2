import "server-only";
import type { AlertsHealth } from "@/lib/alerts/health";
import { alertsHealth } from "@/lib/alerts/inbox";
import { growerRows } from "./grower-rows";
import { type DashboardQuery, pageSize } from "./query";
import { recentlyComputed } from "./recently-computed";
import { recentProviderSummary } from "./status-counts";
import type { DashboardData } from "./types";

// Whether Leaf's alerts arrive changes on the scale of minutes; every open dashboard asks every 5 s.
const rememberedAlertsHealth = recentlyComputed<AlertsHealth>(1_000, 1);

/** Everything the live part of the dashboard shows for one view: the page's rows and the summary. */
export async function dashboardData(query: DashboardQuery): Promise<DashboardData> {
  const [{ rows, total }, summary, leafAlerts] = await Promise.all([
    growerRows(query),
    recentProviderSummary(),
    rememberedAlertsHealth("alerts", alertsHealth),
  ]);
  return {
    rows,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    summary,
    leafAlerts,
    generatedAt: new Date().toISOString(),
  };
}
