import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { WebhookEndpointActions } from "@/components/staff/webhook-endpoint-actions";
import { WebhookEndpointForm } from "@/components/staff/webhook-endpoint-form";
import { requireAdmin } from "@/lib/auth/page-guards";
import { eventTypes } from "@/lib/events/types";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { listEndpoints } from "@/lib/webhooks/endpoints";
import { webhookSettings } from "@/lib/webhooks/settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("webhooks.title") };
}

/** Admins point Headland's signed events at the partner's own systems. */
export default async function WebhooksPage() {
  const viewer = await requireAdmin();
  const [endpoints, t] = await Promise.all([listEndpoints(), getTranslations("staff.webhooks")]);
  return (
    <>
      <SiteHeader viewer={viewer} />
      <ClientMessages namespaces={["staff"]}>
        <main className="mx-auto max-w-5xl space-y-6 px-4 py-8">
          <p className="text-sm">
            <Link href="/staff" className="underline">
              {t("staff")}
            </Link>
          </p>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-stone-700">{t("intro")}</p>
          <WebhookEndpointForm eventTypes={eventTypes} httpsOnly={webhookSettings().httpsOnly} />
          {endpoints.length === 0 ? (
            <p className="text-stone-700">{t("none")}</p>
          ) : (
            <table className="w-full rounded-xl border border-stone-200 bg-white text-left text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th className="px-3 py-2 font-medium">{t("endpoint")}</th>
                  <th className="px-3 py-2 font-medium">{t("events")}</th>
                  <th className="px-3 py-2 font-medium">{t("secret")}</th>
                  <th className="px-3 py-2 font-medium">{t("state")}</th>
                  <th className="px-3 py-2">
                    <span className="sr-only">{t("actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {endpoints.map((endpoint) => (
                  <tr key={endpoint.id} className="border-b border-stone-100 align-top last:border-0">
                    <th scope="row" className="break-all px-3 py-2 font-normal">
                      <Link href={`/staff/webhooks/${endpoint.id}`} className="underline">
                        {endpoint.url}
                      </Link>
                    </th>
                    <td className="px-3 py-2">{endpoint.eventTypes.join(", ")}</td>
                    <td className="px-3 py-2 font-mono">{endpoint.secretMasked}</td>
                    <td className="px-3 py-2">{endpoint.enabled ? t("enabled") : t("disabled")}</td>
                    <td className="px-3 py-2">
                      <WebhookEndpointActions endpoint={endpoint} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </main>
      </ClientMessages>
    </>
  );
}
