import { checkedTime } from "@/components/dashboard/format";
import type { TrailLine } from "@/lib/growers/audit-trail";

/** Headland's own trail for a grower: who started what, when, and how it ended. */
export function AuditTable({ lines }: { lines: TrailLine[] }) {
  if (!lines.length) return <p className="text-sm text-stone-600">Nothing recorded yet.</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Headland's audit trail, newest first</caption>
        <thead className="bg-stone-100 text-stone-700">
          <tr>
            <th scope="col" className="px-3 py-2">
              When (UTC)
            </th>
            <th scope="col" className="px-3 py-2">
              Who
            </th>
            <th scope="col" className="px-3 py-2">
              What
            </th>
            <th scope="col" className="px-3 py-2">
              How it ended
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => (
            // Lines have no id of their own and the list is rendered once, never reordered.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <tr key={`${line.at}-${i}`} className="border-t border-stone-200">
              <td className="whitespace-nowrap px-3 py-1.5">{checkedTime(line.at)}</td>
              <td className="px-3 py-1.5">{line.who}</td>
              <td className="px-3 py-1.5">{line.what}</td>
              <td className="px-3 py-1.5">
                {line.outcome ?? "Still in progress"}
                {line.endedAt && <span className="text-stone-500"> · {checkedTime(line.endedAt)}</span>}
                {line.reference && (
                  <div className="text-xs text-stone-500">
                    Reference <code>{line.reference}</code>
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
