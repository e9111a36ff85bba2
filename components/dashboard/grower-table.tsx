import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { statusGroup } from "@/lib/dashboard/status-groups";
import type { DashboardCell, DashboardRow } from "@/lib/dashboard/types";
import { checkedTime, shortDay } from "./format";

interface Props {
  rows: DashboardRow[];
  providers: { id: string; name: string }[];
  emptyText: string;
}

/** A cell that needs action says since when, so staff can tell a fresh break from an old one. */
function StatusCell({ cell }: { cell: DashboardCell | undefined }) {
  const status = cell?.status ?? "not_connected";
  return (
    <td className="px-4 py-2 align-top">
      <StatusBadge status={status} />
      {statusGroup(status) === "attention" && cell?.since && (
        <span className="ml-1.5 whitespace-nowrap text-xs text-stone-600">since {shortDay(cell.since)}</span>
      )}
    </td>
  );
}

export function GrowerTable({ rows, providers, emptyText }: Props) {
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-stone-100 text-stone-700">
          <tr>
            <th scope="col" className="px-4 py-2">
              Grower
            </th>
            {providers.map((p) => (
              <th key={p.id} scope="col" className="px-4 py-2">
                {p.name}
              </th>
            ))}
            <th scope="col" className="px-4 py-2">
              Last checked
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={providers.length + 2} className="px-4 py-6 text-stone-600">
                {emptyText}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.leafUserId} className="border-t border-stone-200">
              <th scope="row" className="px-4 py-2 font-medium">
                <Link href={`/growers/${encodeURIComponent(row.leafUserId)}`} className="text-field hover:underline">
                  {row.name}
                </Link>
                <div className="font-normal text-stone-500">{row.email}</div>
              </th>
              {providers.map((p) => (
                <StatusCell key={p.id} cell={row.cells.find((c) => c.provider === p.id)} />
              ))}
              <td className="whitespace-nowrap px-4 py-2 align-top text-stone-600">{checkedTime(row.lastChecked)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
