import { z } from "zod";
import { connectionStatuses } from "@/lib/connections/status";

// The dashboard's view as it lives in the URL (search, filter, sort, page): parsed the same way by the
// page, the JSON route and the browser, so a shared link shows the same rows.

export const pageSize = 50;

export const statusFilters = ["attention", ...connectionStatuses.filter((s) => s !== "not_connected")] as const;
export type StatusFilter = (typeof statusFilters)[number];
export const sortOrders = ["name", "changed"] as const;
export type SortOrder = (typeof sortOrders)[number];

/** Anything unreadable falls back to the default rather than failing: these come from typed URLs. */
const dashboardQuery = z.object({
  q: z.string().trim().max(100).catch(""),
  status: z.enum(statusFilters).optional().catch(undefined),
  sort: z.enum(sortOrders).catch("name"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type DashboardQuery = z.output<typeof dashboardQuery>;

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

/** The query string for a view; defaults are left out so the plain dashboard stays `/dashboard`. */
export function dashboardSearch(query: DashboardQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.status) params.set("status", query.status);
  if (query.sort !== "name") params.set("sort", query.sort);
  if (query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}
