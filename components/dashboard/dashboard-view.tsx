"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useId, useState } from "react";
import type { DashboardData } from "@/lib/dashboard/types";
import { type DashboardQuery, dashboardSearch, type StatusFilter, statusFilters } from "@/lib/dashboard/view";
import { translator } from "@/lib/i18n/sentence";
import { BulkInvites } from "./bulk-invites";
import { GrowerTable } from "./grower-table";
import { LeafAlertsStatus } from "./leaf-alerts-status";
import { ProviderSummaryCards } from "./provider-summary";
import { UpdatedAgo } from "./updated-ago";
import type { DashboardWords } from "./words";

interface Props {
  initial: DashboardData;
  initialQuery: DashboardQuery;
  providers: { id: string; name: string }[];
  refreshMs: number;
  /** The 30-day chart, rendered on the server, shown under the live summary. */
  chart: ReactNode;
  /** Whether bulk invites can be emailed too (SMTP is configured). */
  canEmail: boolean;
  words: DashboardWords;
}

const sameView = (a: DashboardQuery, b: DashboardQuery) => dashboardSearch(a) === dashboardSearch(b);

async function fetchDashboard(query: DashboardQuery, signal: AbortSignal): Promise<DashboardData> {
  const response = await fetch(`/api/dashboard${dashboardSearch(query)}`, { cache: "no-store", signal });
  if (!response.ok) throw new Error(`dashboard answered ${response.status}`);
  return response.json();
}

/**
 * The live part of the dashboard: seeded with the server's render, then polled. The view lives in the
 * URL (replaceState, so no navigation and no scroll jump); rows are keyed, so an update changes cells in place.
 */
export function DashboardView({ initial, initialQuery, providers, refreshMs, chart, canEmail, words }: Props) {
  const { locale } = words;
  const t = translator(locale, words);
  const filterWords = (filter: StatusFilter) =>
    filter === "attention" ? t("needsAttention") : words.statusWords[filter];
  const queryClient = useQueryClient();
  const id = useId();
  const [query, setQuery] = useState(initialQuery);
  const [search, setSearch] = useState(initialQuery.q);
  // Picked for bulk invites; kept across pages and searches until issued or cleared.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  function select(leafUserIds: string[], picked: boolean) {
    setSelected((now) => {
      const next = new Set(now);
      for (const id of leafUserIds) {
        if (picked) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }
  const {
    data = initial,
    dataUpdatedAt,
    isError,
  } = useQuery({
    queryKey: ["dashboard", dashboardSearch(query)],
    queryFn: ({ signal }) => fetchDashboard(query, signal),
    initialData: sameView(query, initialQuery) ? initial : undefined,
    initialDataUpdatedAt: Date.parse(initial.generatedAt),
    placeholderData: keepPreviousData,
    staleTime: refreshMs / 2,
    refetchInterval: refreshMs,
  });

  // A fresh server render (after "Add grower" or "Import from Leaf") replaces what was cached for its view.
  useEffect(() => {
    queryClient.setQueryData(["dashboard", dashboardSearch(initialQuery)], initial, {
      updatedAt: Date.parse(initial.generatedAt),
    });
  }, [initial, initialQuery, queryClient]);

  // Whatever is typed in the search box counts at once when another control is used, debounced or not.
  function show(next: Partial<DashboardQuery>) {
    const view = { ...query, q: search.trim(), page: 1, ...next };
    setQuery(view);
    window.history.replaceState(null, "", `/dashboard${dashboardSearch(view)}`);
  }

  // Typing pauses briefly before asking the server, so each keystroke is not a request.
  useEffect(() => {
    if (search.trim() === query.q) return;
    const timer = setTimeout(() => show({ q: search.trim() }), 250);
    return () => clearTimeout(timer);
  });

  const attentionOnly = query.status === "attention";
  return (
    <div className="space-y-4">
      <ProviderSummaryCards summary={data.summary} words={words} locale={locale} />
      {chart}
      <div className="flex flex-wrap items-end gap-3">
        <label className="block min-w-56 flex-1">
          <span className="text-sm font-medium">{t("search")}</span>
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t("searchPlaceholder")}
            maxLength={100}
            className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
          />
        </label>
        <button
          type="button"
          aria-pressed={attentionOnly}
          onClick={() => show({ status: attentionOnly ? undefined : "attention" })}
          className={`rounded-lg border px-3 py-2 text-sm font-medium ${
            attentionOnly ? "border-red-700 bg-red-700 text-white" : "border-stone-300 bg-white text-stone-800"
          }`}
        >
          {t("needsAttention")}
        </button>
        {/* Labels point at their selects rather than wrapping them, so an option's words never join the
            label's name. */}
        <div>
          <label htmlFor={`${id}-status`} className="block text-sm font-medium">
            {t("status")}
          </label>
          <select
            id={`${id}-status`}
            value={query.status ?? ""}
            onChange={(e) => show({ status: (e.target.value || undefined) as StatusFilter | undefined })}
            className="mt-1 block rounded-lg border border-stone-300 bg-white px-3 py-2"
          >
            <option value="">{t("anyStatus")}</option>
            {statusFilters.map((f) => (
              <option key={f} value={f}>
                {filterWords(f)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-sort`} className="block text-sm font-medium">
            {t("sortBy")}
          </label>
          <select
            id={`${id}-sort`}
            value={query.sort}
            onChange={(e) => show({ sort: e.target.value === "changed" ? "changed" : "name" })}
            className="mt-1 block rounded-lg border border-stone-300 bg-white px-3 py-2"
          >
            <option value="name">{t("sortName")}</option>
            <option value="changed">{t("sortChanged")}</option>
          </select>
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-stone-700">{t("growerCount", { count: data.total })}</p>
        <div className="flex flex-wrap items-center gap-4">
          <LeafAlertsStatus
            health={data.leafAlerts}
            renderedAt={data.generatedAt}
            words={words.alerts}
            locale={locale}
          />
          <UpdatedAgo at={dataUpdatedAt} failing={isError} words={words.updated} locale={locale} />
        </div>
      </div>
      <BulkInvites
        providers={providers}
        pageIds={data.rows.map((r) => r.leafUserId)}
        selected={selected}
        onSelect={select}
        onClear={() => setSelected(new Set())}
        canEmail={canEmail}
        search={query.q}
        words={words.bulk}
        locale={locale}
      />
      <GrowerTable
        rows={data.rows}
        providers={providers}
        selected={selected}
        onSelect={select}
        words={words.table}
        statusWords={words.statusWords}
        locale={locale}
        timeZone={words.timeZone}
        emptyText={query.q || query.status ? t("noMatch") : t("noGrowers")}
      />
      <nav aria-label={t("pages")} className="flex items-center justify-between gap-3 text-sm">
        <button
          type="button"
          disabled={query.page <= 1}
          onClick={() => show({ page: query.page - 1 })}
          className="rounded-lg border border-stone-300 bg-white px-3 py-1.5 disabled:opacity-50"
        >
          {t("previousPage")}
        </button>
        <span>{t("pageOf", { page: data.page, pageCount: data.pageCount })}</span>
        <button
          type="button"
          disabled={query.page >= data.pageCount}
          onClick={() => show({ page: query.page + 1 })}
          className="rounded-lg border border-stone-300 bg-white px-3 py-1.5 disabled:opacity-50"
        >
          {t("nextPage")}
        </button>
      </nav>
    </div>
  );
}
