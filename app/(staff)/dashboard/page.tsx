import type { Metadata } from "next";
import Link from "next/link";
import { AddGrower } from "@/components/add-grower";
import { SiteHeader } from "@/components/site-header";
import { StatusBadge } from "@/components/status-badge";
import { requireStaff } from "@/lib/auth/page-guards";
import { growersWithStatus } from "@/lib/growers/list-growers";
import { providers } from "@/lib/providers";

export const metadata: Metadata = { title: "Growers" };

export default async function DashboardPage() {
  const viewer = await requireStaff();
  const rows = await growersWithStatus();
  return (
    <>
      <SiteHeader viewer={viewer} />
      <main className="mx-auto max-w-5xl px-4 py-8">
        <h1 className="text-2xl font-semibold">Growers</h1>
        <div className="mt-4"><AddGrower /></div>
        <div className="mt-6 overflow-x-auto rounded-xl border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-100 text-stone-700">
              <tr>
                <th scope="col" className="px-4 py-2">Grower</th>
                {providers.map((p) => <th key={p.id} scope="col" className="px-4 py-2">{p.name}</th>)}
                <th scope="col" className="px-4 py-2">Last checked</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <tr><td colSpan={providers.length + 2} className="px-4 py-6 text-stone-600">No growers yet. Add one to send an invite link.</td></tr>
              )}
              {rows.map((g) => (
                <tr key={g.id} className="border-t border-stone-200">
                  <th scope="row" className="px-4 py-2 font-medium">
                    <Link href={`/growers/${encodeURIComponent(g.leafUserId)}`} className="text-field hover:underline">{g.name}</Link>
                    <div className="font-normal text-stone-500">{g.email}</div>
                  </th>
                  {providers.map((p) => {
                    const view = g.connections.find((c) => c.provider === p.id);
                    return <td key={p.id} className="px-4 py-2"><StatusBadge status={view?.status ?? "not_connected"} /></td>;
                  })}
                  <td className="px-4 py-2 text-stone-600">{lastChecked(g.connections.map((c) => c.checkedAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </main>
    </>
  );
}

function lastChecked(times: string[]): string {
  const latest = Math.max(...times.map((t) => Date.parse(t)));
  return latest > 0 ? new Date(latest).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC" : "Never";
}
