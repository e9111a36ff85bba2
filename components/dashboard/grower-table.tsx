import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { statusGroup } from "@/lib/dashboard/status-groups";
import type { DashboardCell, DashboardRow } from "@/lib/dashboard/types";
import { translator } from "@/lib/i18n/sentence";
import { ZonedTime } from "@/lib/i18n/zoned-time";
import { shortDay } from "./format";
import type { DashboardWords } from "./words";

interface Props {
  rows: DashboardRow[];
  providers: { id: string; name: string }[];
  emptyText: string;
  words: DashboardWords["table"];
  statusWords: DashboardWords["statusWords"];
  locale: string;
  /** The zone the server renders times in (DashboardWords.timeZone); the browser's own takes over. */
  timeZone: string;
  /** Growers picked for a bulk action, by Leaf user id; without it the table has no checkboxes. */
  selected?: ReadonlySet<string>;
  onSelect?(leafUserIds: string[], picked: boolean): void;
}

// Below 640 px the table's parts become blocks: each row a card, the grower first, then one line per
// provider named by a label the wide table does not need (its column headers say it).
const card = "max-sm:block";
const cardLine = "max-sm:flex max-sm:items-center max-sm:justify-between max-sm:gap-2 max-sm:py-1";

/** A cell that needs action says since when, so staff can tell a fresh break from an old one. */
function StatusCell({
  cell,
  providerName,
  since,
  statusWords,
}: {
  cell: DashboardCell | undefined;
  providerName: string;
  since(day: string): string;
  statusWords: DashboardWords["statusWords"];
}) {
  const status = cell?.status ?? "not_connected";
  return (
    <td className={`px-4 py-2 align-top ${cardLine}`}>
      <span className="text-stone-700 sm:hidden">{providerName}</span>
      <span>
        <StatusBadge status={status} label={statusWords[status]} />
        {statusGroup(status) === "attention" && cell?.since && (
          <span className="ml-1.5 whitespace-nowrap text-xs text-stone-600">{since(shortDay(cell.since))}</span>
        )}
      </span>
    </td>
  );
}

export function GrowerTable(props: Props) {
  const { rows, providers, emptyText, words, statusWords, locale, timeZone, selected, onSelect } = props;
  const t = translator(locale, words);
  const since = (day: string) => t("since", { day });
  const selectable = selected !== undefined && onSelect !== undefined;
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white max-sm:overflow-x-visible">
      <table className={`w-full text-left text-sm ${card}`}>
        <thead className="bg-stone-100 text-stone-700 max-sm:hidden">
          <tr>
            <th scope="col" className="px-4 py-2">
              {t("grower")}
            </th>
            {providers.map((p) => (
              <th key={p.id} scope="col" className="px-4 py-2">
                {p.name}
              </th>
            ))}
            <th scope="col" className="px-4 py-2">
              {t("lastChecked")}
            </th>
          </tr>
        </thead>
        <tbody className={card}>
          {rows.length === 0 && (
            <tr className={card}>
              <td colSpan={providers.length + 2} className={`px-4 py-6 text-stone-600 ${card}`}>
                {emptyText}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.leafUserId} className={`border-t border-stone-200 ${card} max-sm:py-2`}>
              <th scope="row" className={`px-4 py-2 font-medium ${card}`}>
                <div className="flex items-start gap-3">
                  {selectable && (
                    <input
                      type="checkbox"
                      aria-label={t("select", { name: row.name })}
                      checked={selected.has(row.leafUserId)}
                      onChange={(e) => onSelect([row.leafUserId], e.target.checked)}
                      className="mt-1"
                    />
                  )}
                  <div className="min-w-0">
                    <Link
                      href={`/growers/${encodeURIComponent(row.leafUserId)}`}
                      className="break-words text-field hover:underline"
                    >
                      {row.name}
                    </Link>
                    <div className="break-all font-normal text-stone-500">{row.email}</div>
                  </div>
                </div>
              </th>
              {providers.map((p) => (
                <StatusCell
                  key={p.id}
                  cell={row.cells.find((c) => c.provider === p.id)}
                  providerName={p.name}
                  since={since}
                  statusWords={statusWords}
                />
              ))}
              <td className={`whitespace-nowrap px-4 py-2 align-top text-stone-600 ${cardLine}`}>
                <span className="sm:hidden">{t("lastChecked")}</span>
                <span>
                  {row.lastChecked ? (
                    <ZonedTime iso={row.lastChecked} style="dateTime" locale={locale} serverZone={timeZone} />
                  ) : (
                    t("never")
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
