import { z } from "zod";
import { type DashboardQuery, sortOrders, statusFilters } from "./view";

// Parses the dashboard's view from a URL, the same way for the page and the JSON route, so a shared link
// shows the same rows. Server side only in practice: the browser builds URLs with ./view and never parses.

export { type DashboardQuery, dashboardSearch, pageSize, type SortOrder, type StatusFilter } from "./view";

/** Anything unreadable falls back to the default rather than failing: these come from typed URLs. */
const dashboardQuery = z.object({
  q: z.string().trim().max(100).catch(""),
  status: z.enum(statusFilters).optional().catch(undefined),
  sort: z.enum(sortOrders).catch("name"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
}) satisfies z.ZodType<DashboardQuery, unknown>;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  return Array.isArray(value) ? value[0] : value;
}

export function parseDashboardQuery(params: Params): DashboardQuery {
  return dashboardQuery.parse({
    q: first(params, "q") ?? "",
    status: first(params, "status"),
    sort: first(params, "sort") ?? "name",
    page: first(params, "page") ?? 1,
  });
}
