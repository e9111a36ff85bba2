import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { CreateApiKey, RevokeApiKey } from "@/components/staff/api-keys";
import { listApiKeys } from "@/lib/api/keys";
import { requireAdmin } from "@/lib/auth/page-guards";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { LocalTime } from "@/lib/i18n/local-time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("apiKeys.title") };
}

/** Admins create and revoke the keys partner systems call the API with. */
export default async function ApiKeysPage() {
  const viewer = await requireAdmin();
  const [keys, t] = await Promise.all([listApiKeys(), getTranslations("staff.apiKeys")]);
  const when = (date: Date | null) => (date ? <LocalTime value={date} /> : t("never"));
  const docs = (chunks: ReactNode) => (
    <Link className="underline" href="/api/v1/docs">
      {chunks}
    </Link>
  );
  return (
    <>
      <SiteHeader viewer={viewer} />
      <main className="mx-auto max-w-5xl space-y-6 px-4 py-8">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-700">{t.rich("intro", { docs })}</p>
        <ClientMessages namespaces={["staff"]}>
          <CreateApiKey />
          <table className="w-full rounded-xl border border-stone-200 bg-white text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-stone-200 text-stone-600">
              <tr>
                <th className="px-3 py-2 font-medium">{t("name")}</th>
                <th className="px-3 py-2 font-medium">{t("key")}</th>
                <th className="px-3 py-2 font-medium">{t("scope")}</th>
                <th className="px-3 py-2 font-medium">{t("lastUsed")}</th>
                <th className="px-3 py-2">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.length === 0 && (
                <tr>
                  <td colSpan={5} className="px-3 py-2 text-stone-600">
                    {t("none")}
                  </td>
                </tr>
              )}
              {keys.map((key) => (
                <tr key={key.id} className="border-b border-stone-100 last:border-0">
                  <td className="px-3 py-2">{key.name}</td>
                  <td className="px-3 py-2 font-mono text-xs">{key.masked}</td>
                  <td className="px-3 py-2">{t(`scopes.${key.scope}`)}</td>
                  <td className="px-3 py-2">{when(key.lastUsedAt)}</td>
                  <td className="px-3 py-2">
                    {key.revokedAt ? (
                      <span className="text-stone-600">
                        {t("revoked")} {when(key.revokedAt)}
                      </span>
                    ) : (
                      <RevokeApiKey id={key.id} name={key.name} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ClientMessages>
      </main>
    </>
  );
}
