import { getTranslations } from "next-intl/server";
import type { EventLine } from "@/lib/growers/grower-details";
import { LocalTime } from "@/lib/i18n/local-time";
import { stacked } from "./stacked-table";

/** Leaf's log for one credential, newest first; cards on a phone. */
export async function LeafEvents({ providerName, events }: { providerName: string; events: EventLine[] }) {
  const t = await getTranslations("grower-detail.provider");
  const columns = [t("eventTime"), t("eventStatus"), t("eventSummary")] as const;
  const label = (column: number) => (
    <span aria-hidden="true" className={stacked.label}>
      {columns[column]}:{" "}
    </span>
  );
  return (
    <div className="mt-4">
      <h3 className="text-sm font-semibold">{t("eventsHeading")}</h3>
      <table className={`${stacked.table} mt-1 text-xs`}>
        <caption className="sr-only">{t("eventsCaption", { provider: providerName })}</caption>
        <thead className={`${stacked.head} text-stone-500`}>
          <tr>
            {columns.map((name) => (
              <th key={name} scope="col" className="py-1 pr-3">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={stacked.body}>
          {events.map((e) => (
            <tr key={e.id} className={`${stacked.row} border-stone-100`}>
              <td className={`${stacked.cell} sm:whitespace-nowrap sm:py-1 sm:pr-3`}>
                {label(0)}
                <LocalTime value={e.at} />
              </td>
              <td className={`${stacked.cell} tabular-nums sm:py-1 sm:pr-3`}>
                {label(1)}
                {e.statusCode ?? "—"}
              </td>
              <td className={`${stacked.cell} break-words sm:py-1`}>
                {label(2)}
                {e.summary}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
