import { getTranslations } from "next-intl/server";
import { funnelStages, growerFunnel } from "@/lib/growers/funnel";
import { LocalTime } from "@/lib/i18n/local-time";
import { providers } from "@/lib/providers";

const reachedStyle = (at: Date | null) => (at ? "border-green-300 bg-green-50" : "border-stone-200");

/**
 * One grower's way from invite to connection, for the staff grower page: each step with the first time
 * it was reached, then each provider they started and when it connected. Dates in the viewer's zone.
 */
export async function GrowerFunnel({ growerId, leafUserId }: { growerId: string; leafUserId: string }) {
  const [t, funnel] = await Promise.all([getTranslations("dashboard.funnel"), growerFunnel(growerId, leafUserId)]);
  const when = (at: Date | null) => (at ? <LocalTime value={at} /> : t("notYet"));
  const nameOf = (id: string) => providers.find((p) => p.id === id)?.name ?? id;
  const notes: Partial<Record<(typeof funnelStages)[number], string>> = {
    invited: t("invites", { count: funnel.invites }),
    opened: t("opens", { count: funnel.opens }),
  };
  return (
    <section aria-labelledby="grower-funnel-title" className="rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="grower-funnel-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <ol className="mt-3 grid gap-2 sm:grid-cols-4">
        {funnelStages.map((stage, i) => {
          const at = funnel.reached[stage];
          return (
            <li key={stage} className={`rounded-lg border px-3 py-2 text-sm ${reachedStyle(at)}`}>
              <span className="block font-medium">
                {i + 1}. {t(stage)}
              </span>
              <span className="block text-stone-700">{when(at)}</span>
              {notes[stage] && <span className="block text-xs text-stone-600">{notes[stage]}</span>}
            </li>
          );
        })}
      </ol>
      {funnel.providers.length > 0 && (
        <table className="mt-3 w-full text-left text-sm">
          <thead className="text-stone-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                {t("provider")}
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                {t("startedAt")}
              </th>
              <th scope="col" className="py-1 font-medium">
                {t("connectedAt")}
              </th>
            </tr>
          </thead>
          <tbody>
            {funnel.providers.map((p) => (
              <tr key={p.provider} className="border-t border-stone-100">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {nameOf(p.provider)}
                </th>
                <td className="py-1 pr-3">{when(p.startedAt)}</td>
                <td className="py-1">{when(p.connectedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
