import "server-only";
import { growerRows } from "./grower-rows";
import { type DashboardQuery, pageSize } from "./query";
import { recentProviderSummary } from "./status-counts";
import type { DashboardData } from "./types";

/** Everything the live part of the dashboard shows for one view: the page's rows and the summary. */
export async function dashboardData(query: DashboardQuery): Promise<DashboardData> {
  const [{ rows, total }, summary] = await Promise.all([growerRows(query), recentProviderSummary()]);
  return {
    rows,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    summary,
    generatedAt: new Date().toISOString(),
  };
}
