import type { StatusGroup } from "@/lib/dashboard/status-groups";
import type { ProviderSummary } from "@/lib/dashboard/types";
import { translator } from "@/lib/i18n/sentence";
import { count } from "./format";
import type { DashboardWords } from "./words";

const groupColors: Record<StatusGroup, string> = {
  connected: "text-green-800",
  attention: "text-red-800",
  not_connected: "text-stone-600",
};

const groups: StatusGroup[] = ["connected", "attention", "not_connected"];

/** Per provider: how many growers are connected, need attention, or have not connected. */
export function ProviderSummaryCards({
  summary,
  words,
  locale,
}: {
  summary: ProviderSummary[];
  words: Pick<DashboardWords, "summary" | "groups">;
  locale: string;
}) {
  const group = translator(locale, words.groups);
  const summaryLabel = (provider: string) => translator(locale, words.summary)("label", { provider });
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      {summary.map((s) => (
        <section
          key={s.provider}
          aria-label={summaryLabel(s.name)}
          className="rounded-xl border border-stone-200 bg-white p-4"
        >
          <h2 className="font-semibold">{s.name}</h2>
          <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
            {groups.map((g) => (
              <div key={g}>
                <dt className="text-stone-600">{group(g)}</dt>
                <dd className={`text-xl font-semibold tabular-nums ${groupColors[g]}`}>{count(s.counts[g])}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
