import { connectionStatuses } from "@/lib/connections/status";

// The dashboard's view as it lives in the URL (search, filter, sort, page). The browser imports this
// module, so it holds no validation library: parsing a typed URL happens on the server, in ./query.

export const pageSize = 50;

export const statusFilters = ["attention", ...connectionStatuses.filter((s) => s !== "not_connected")] as const;
export type StatusFilter = (typeof statusFilters)[number];
export const sortOrders = ["name", "changed"] as const;
export type SortOrder = (typeof sortOrders)[number];

export interface DashboardQuery {
  q: string;
  status?: StatusFilter | undefined;
  sort: SortOrder;
  page: number;
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
