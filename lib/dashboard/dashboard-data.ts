import "server-only";
import { alertsHealth } from "@/lib/alerts/inbox";
import { growerRows } from "./grower-rows";
import { type DashboardQuery, pageSize } from "./query";
import { recentProviderSummary } from "./status-counts";
import type { DashboardData } from "./types";

/** Everything the live part of the dashboard shows for one view: the page's rows and the summary. */
export async function dashboardData(query: DashboardQuery): Promise<DashboardData> {
  const [{ rows, total }, summary, leafAlerts] = await Promise.all([
    growerRows(query),
    recentProviderSummary(),
    alertsHealth(),
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
