import { getTranslations } from "next-intl/server";
import type { TrailLine } from "@/lib/growers/audit-trail";
import { LocalTime } from "@/lib/i18n/local-time";
import { stacked } from "./stacked-table";

/** Headland's own trail for a grower: who started what, when, and how it ended. Cards on a phone. */
export async function AuditTable({ lines }: { lines: TrailLine[] }) {
  const t = await getTranslations("grower-detail.record");
  if (!lines.length) return <p className="text-sm text-stone-600">{t("empty")}</p>;
  const columns = [t("when"), t("who"), t("what"), t("outcome")] as const;
  const label = (column: number) => (
    <span aria-hidden="true" className={stacked.label}>
      {columns[column]}:{" "}
    </span>
  );
  return (
    <div className="rounded-xl border border-stone-200 bg-white">
      <table className={`${stacked.table} text-sm`}>
        <caption className="sr-only">{t("caption")}</caption>
        <thead className={`${stacked.head} bg-stone-100 text-stone-700`}>
          <tr>
            {columns.map((name) => (
              <th key={name} scope="col" className="px-3 py-2">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={stacked.body}>
          {lines.map((line, i) => (
            // Lines have no id of their own and the list is rendered once, never reordered.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <tr key={`${line.at}-${i}`} className={`${stacked.row} border-stone-200`}>
              <td className={`${stacked.cell} px-3 sm:whitespace-nowrap sm:py-1.5`}>
                {label(0)}
                <LocalTime value={line.at} />
              </td>
              <td className={`${stacked.cell} px-3 break-words sm:py-1.5`}>
                {label(1)}
                {line.who}
              </td>
              <td className={`${stacked.cell} px-3 sm:py-1.5`}>
                {label(2)}
                {line.what}
              </td>
              <td className={`${stacked.cell} px-3 sm:py-1.5`}>
                {label(3)}
                {line.outcome ?? t("inProgress")}
                {line.endedAt && (
                  <span className="text-stone-500">
                    {" · "}
                    <LocalTime value={line.endedAt} />
                  </span>
                )}
                {line.reference && (
                  <div className="text-xs text-stone-500">
                    {t("reference")} <code className="break-all">{line.reference}</code>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
