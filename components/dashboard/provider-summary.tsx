import { useTranslations } from "next-intl";
import type { StatusGroup } from "@/lib/dashboard/status-groups";
import type { ProviderSummary } from "@/lib/dashboard/types";
import { count } from "./format";

const groupColors: Record<StatusGroup, string> = {
  connected: "text-green-800",
  attention: "text-red-800",
  not_connected: "text-stone-600",
};

const groups: StatusGroup[] = ["connected", "attention", "not_connected"];

/** Per provider: how many growers are connected, need attention, or have not connected. */
export function ProviderSummaryCards({ summary }: { summary: ProviderSummary[] }) {
  const t = useTranslations("dashboard");
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      {summary.map((s) => (
        <section
          key={s.provider}
          aria-label={t("summary.label", { provider: s.name })}
          className="rounded-xl border border-stone-200 bg-white p-4"
        >
          <h2 className="font-semibold">{s.name}</h2>
          <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
            {groups.map((g) => (
              <div key={g}>
                <dt className="text-stone-600">{t(`groups.${g}`)}</dt>
                <dd className={`text-xl font-semibold tabular-nums ${groupColors[g]}`}>{count(s.counts[g])}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
