import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AddGrower } from "@/components/add-grower";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { FunnelChart } from "@/components/dashboard/funnel-chart";
import { ImportFromLeaf } from "@/components/dashboard/import-from-leaf";
import { ProviderHealthPanel } from "@/components/dashboard/provider-health";
import { RegisterLeafAlerts } from "@/components/dashboard/register-leaf-alerts";
import { StatusHistoryCharts } from "@/components/dashboard/status-chart";
import { SiteHeader } from "@/components/site-header";
import { requireStaff } from "@/lib/auth/page-guards";
import { dashboardData } from "@/lib/dashboard/dashboard-data";
import { parseDashboardQuery } from "@/lib/dashboard/query";
import { rememberedRecentHistory } from "@/lib/dashboard/status-counts";
import { recentFunnelCounts } from "@/lib/growers/funnel";
import { recentProviderHealth } from "@/lib/health/provider-health";
import { mailEnabled } from "@/lib/mail/send";
import { providers } from "@/lib/providers";
import { dashboardWords } from "./words";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

// Statuses on screen refresh this often; the sweep decides how fresh they are.
const refreshMs = 5_000;

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireStaff();
  const t = await getTranslations("dashboard");
  const query = parseDashboardQuery(await searchParams);
  const [initial, history, funnel, health, words] = await Promise.all([
    dashboardData(query),
    rememberedRecentHistory(),
    recentFunnelCounts(),
    recentProviderHealth(),
    dashboardWords(),
  ]);
  const catalog = providers.map((p) => ({ id: p.id, name: p.name }));
  return (
    <>
      <SiteHeader viewer={viewer} />
      {/* The client parts get their words as props, compiled (./words): the browser loads no catalog. */}
      <main className="mx-auto max-w-6xl space-y-6 px-4 py-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <div className="flex flex-wrap items-center gap-3">
            {viewer.staffRole === "admin" && <RegisterLeafAlerts words={words.alerts} locale={words.locale} />}
            <ImportFromLeaf words={{ import: words.import, importDone: words.importDone }} locale={words.locale} />
          </div>
        </div>
        <AddGrower canEmail={mailEnabled()} words={words.addGrower} locale={words.locale} />
        <DashboardView
          initial={initial}
          initialQuery={query}
          providers={catalog}
          refreshMs={refreshMs}
          canEmail={mailEnabled()}
          words={words}
          chart={
            <div className="space-y-4">
              <StatusHistoryCharts history={history} providers={catalog} today={initial.generatedAt.slice(0, 10)} />
              <div className="grid gap-4 lg:grid-cols-2">
                <ProviderHealthPanel figures={health} />
                <FunnelChart counts={funnel} />
              </div>
            </div>
          }
        />
      </main>
    </>
  );
}
