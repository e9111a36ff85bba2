import { getTranslations } from "next-intl/server";
import { type FunnelCounts, funnelStages } from "@/lib/growers/funnel";
import { count } from "./format";

/**
 * How many invited growers reached each step, as bars; the figure's text equivalent is its own table of
 * the same numbers and a sentence, so nothing is only in the drawing.
 */
export async function FunnelChart({ counts }: { counts: FunnelCounts }) {
  const t = await getTranslations("dashboard.funnel");
  const share = (n: number) => (counts.invited > 0 ? n / counts.invited : 0);
  return (
    <figure aria-labelledby="funnel-title" className="rounded-xl border border-stone-200 bg-white p-4">
      <figcaption id="funnel-title" className="text-lg font-semibold">
        {t("title")}
      </figcaption>
      <p className="mt-1 text-sm text-stone-700">{t("summary", counts)}</p>
      <table className="mt-3 w-full text-left text-sm">
        <thead className="text-stone-600">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("stage")}
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">
              {t("growers")}
            </th>
            <th scope="col" className="w-1/2 py-1 font-medium">
              {t("share")}
            </th>
          </tr>
        </thead>
        <tbody>
          {funnelStages.map((stage) => (
            <tr key={stage}>
              <th scope="row" className="py-1 pr-3 font-normal">
                {t(stage)}
              </th>
              <td className="py-1 pr-3 text-right tabular-nums">{count(counts[stage])}</td>
              <td className="py-1">
                <span className="flex items-center gap-2">
                  <span aria-hidden className="block h-3 flex-1 rounded bg-stone-100">
                    <span
                      className="block h-3 rounded bg-field"
                      style={{ width: `${Math.round(share(counts[stage]) * 100)}%` }}
                    />
                  </span>
                  <span className="w-10 text-right tabular-nums">{Math.round(share(counts[stage]) * 100)}%</span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
