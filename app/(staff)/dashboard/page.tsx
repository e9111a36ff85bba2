import type { Metadata } from "next";
import { AddGrower } from "@/components/add-grower";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { ImportFromLeaf } from "@/components/dashboard/import-from-leaf";
import { RegisterLeafAlerts } from "@/components/dashboard/register-leaf-alerts";
import { StatusHistoryCharts } from "@/components/dashboard/status-chart";
import { SiteHeader } from "@/components/site-header";
import { requireStaff } from "@/lib/auth/page-guards";
import { dashboardData } from "@/lib/dashboard/dashboard-data";
import { parseDashboardQuery } from "@/lib/dashboard/query";
import { recentHistory } from "@/lib/dashboard/status-counts";
import { mailEnabled } from "@/lib/mail/send";
import { providers } from "@/lib/providers";

export const metadata: Metadata = { title: "Growers" };

// Statuses on screen refresh this often; the sweep decides how fresh they are.
const refreshMs = 5_000;

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireStaff();
  const query = parseDashboardQuery(await searchParams);
  const [initial, history] = await Promise.all([dashboardData(query), recentHistory()]);
  const catalog = providers.map((p) => ({ id: p.id, name: p.name }));
  return (
    <>
      <SiteHeader viewer={viewer} />
      <main className="mx-auto max-w-6xl space-y-6 px-4 py-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">Growers</h1>
          <div className="flex flex-wrap items-center gap-3">
            {viewer.staffRole === "admin" && <RegisterLeafAlerts />}
            <ImportFromLeaf />
          </div>
        </div>
        <AddGrower canEmail={mailEnabled()} />
        <DashboardView
          initial={initial}
          initialQuery={query}
          providers={catalog}
          refreshMs={refreshMs}
          chart={<StatusHistoryCharts history={history} providers={catalog} today={initial.generatedAt.slice(0, 10)} />}
        />
      </main>
    </>
  );
}
