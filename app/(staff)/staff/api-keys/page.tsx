import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";
import { CreateApiKey, RevokeApiKey } from "@/components/staff/api-keys";
import { listApiKeys } from "@/lib/api/keys";
import { requireAdmin } from "@/lib/auth/page-guards";

export const metadata: Metadata = { title: "API keys" };

const scopeWords = { read: "Read", write: "Read and write" } as const;
const when = (date: Date | null) => (date ? `${date.toISOString().replace("T", " ").slice(0, 16)} UTC` : "Never");

/** Admins create and revoke the keys partner systems call the API with. */
export default async function ApiKeysPage() {
  const viewer = await requireAdmin();
  const keys = await listApiKeys();
  return (
    <>
      <SiteHeader viewer={viewer} />
      <main className="mx-auto max-w-5xl space-y-6 px-4 py-8">
        <h1 className="text-2xl font-semibold">API keys</h1>
        <p className="text-stone-700">
          Your own systems (a CRM, a billing tool) create growers, send invite links and read connection statuses
          through Headland&apos;s API with these keys. See the{" "}
          <Link className="underline" href="/api/v1/docs">
            API reference
          </Link>
          .
        </p>
        <CreateApiKey />
        <table className="w-full rounded-xl border border-stone-200 bg-white text-left text-sm">
          <caption className="sr-only">API keys</caption>
          <thead className="border-b border-stone-200 text-stone-600">
            <tr>
              <th className="px-3 py-2 font-medium">Name</th>
              <th className="px-3 py-2 font-medium">Key</th>
              <th className="px-3 py-2 font-medium">Scope</th>
              <th className="px-3 py-2 font-medium">Last used</th>
              <th className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-2 text-stone-600">
                  No keys yet.
                </td>
              </tr>
            )}
            {keys.map((key) => (
              <tr key={key.id} className="border-b border-stone-100 last:border-0">
                <td className="px-3 py-2">{key.name}</td>
                <td className="px-3 py-2 font-mono text-xs">{key.masked}</td>
                <td className="px-3 py-2">{scopeWords[key.scope]}</td>
                <td className="px-3 py-2">{when(key.lastUsedAt)}</td>
                <td className="px-3 py-2">
                  {key.revokedAt ? (
                    <span className="text-stone-600">Revoked {when(key.revokedAt)}</span>
                  ) : (
                    <RevokeApiKey id={key.id} name={key.name} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </main>
    </>
  );
}
