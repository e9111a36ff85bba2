import type { ConnectionStatus } from "@/lib/connections/status";

const colors: Record<ConnectionStatus, string> = {
  not_connected: "bg-stone-100 text-stone-700 ring-stone-300",
  pending: "bg-sky-50 text-sky-800 ring-sky-300",
  processing: "bg-sky-50 text-sky-800 ring-sky-300",
  ok: "bg-green-50 text-green-800 ring-green-300",
  reauth: "bg-red-50 text-red-800 ring-red-300",
  missing_permission: "bg-amber-50 text-amber-900 ring-amber-300",
  no_organizations: "bg-amber-50 text-amber-900 ring-amber-300",
  unavailable: "bg-stone-100 text-stone-700 ring-stone-400",
  error: "bg-red-50 text-red-800 ring-red-300",
};

/**
 * The status word in its color; the same on the grower's page and the staff dashboard. `label` is the word
 * in the reader's language; staff pages pass the English one (lib/wording/status-words). It is not defaulted
 * here: that import would carry the doctor's whole English catalog (about 2 kB gzip) into the grower's page.
 */
export function StatusBadge({ status, label }: { status: ConnectionStatus; label: string }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset ${
        colors[status]
      }`}
    >
      {label}
    </span>
  );
}
