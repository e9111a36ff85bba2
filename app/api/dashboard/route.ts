// GET /api/dashboard?q&status&sort&page: the dashboard's rows and summary, for its live updates.
import { dashboardData } from "@/lib/dashboard/dashboard-data";
import { parseDashboardQuery } from "@/lib/dashboard/query";
import { staffViewer } from "@/lib/http/api";

export async function GET(request: Request) {
  const viewer = await staffViewer();
  if (viewer instanceof Response) return viewer;
  const query = parseDashboardQuery(new URL(request.url).searchParams);
  return Response.json(await dashboardData(query), { headers: { "cache-control": "no-store" } });
}
