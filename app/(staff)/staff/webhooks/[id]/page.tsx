import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { z } from "zod";
import { SiteHeader } from "@/components/site-header";
import { WebhookResendButton } from "@/components/staff/webhook-resend-button";
import { requireAdmin } from "@/lib/auth/page-guards";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { LocalTime } from "@/lib/i18n/local-time";
import { findEndpoint } from "@/lib/webhooks/endpoints";
import { type DeliveryLogLine, deliveryLog } from "@/lib/webhooks/log";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("deliveries.title") };
}

type Props = { params: Promise<{ id: string }> };

type Translate = Awaited<ReturnType<typeof getTranslations<"staff.deliveries">>>;
const states = ["pending", "delivered", "failed"];
const columns = ["time", "event", "grower", "result", "attempts", "nextTry", "lastError"] as const;

function result(t: Translate, line: DeliveryLogLine): string {
  const state = states.includes(line.state) ? t(`states.${line.state}`) : line.state;
  return line.statusCode ? t("httpCode", { result: state, code: line.statusCode }) : state;
}

/** One endpoint's delivery log, newest first, with "Send again" for what is finished. */
export default async function WebhookDeliveriesPage({ params }: Props) {
  const viewer = await requireAdmin();
  const id = z.uuid().safeParse((await params).id);
  const endpoint = id.success ? await findEndpoint(id.data) : undefined;
  if (!endpoint) notFound();
  const [lines, t] = await Promise.all([deliveryLog(endpoint.id), getTranslations("staff.deliveries")]);
  const mono = (chunks: ReactNode) => <span className="font-mono">{chunks}</span>;
  return (
    <>
      <SiteHeader viewer={viewer} />
      <ClientMessages namespaces={["staff"]}>
        <main className="mx-auto max-w-6xl space-y-6 px-4 py-8">
          <p className="text-sm">
            <Link href="/staff/webhooks" className="underline">
              {t("webhooks")}
            </Link>
          </p>
          <h1 className="break-all text-2xl font-semibold">{t("heading", { url: endpoint.url })}</h1>
          <p className="text-stone-700">
            {t.rich("about", {
              state: endpoint.enabled ? t("enabled") : t("disabled"),
              secret: endpoint.secretMasked,
              mono,
            })}
          </p>
          {lines.length === 0 ? (
            <p className="text-stone-700">{t("none")}</p>
          ) : (
            <table className="w-full rounded-xl border border-stone-200 bg-white text-left text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  {columns.map((column) => (
                    <th key={column} className="px-3 py-2 font-medium">
                      {t(`columns.${column}`)}
                    </th>
                  ))}
                  <th className="px-3 py-2">
                    <span className="sr-only">{t("actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.id} className="border-b border-stone-100 align-top last:border-0">
                    <td className="whitespace-nowrap px-3 py-2">
                      <LocalTime value={line.at} />
                    </td>
                    <td className="px-3 py-2">
                      <code>{line.type}</code>
                    </td>
                    <td className="px-3 py-2">{line.growerName ?? line.leafUserId}</td>
                    <td className="px-3 py-2">{result(t, line)}</td>
                    <td className="px-3 py-2">{line.attempts}</td>
                    <td className="whitespace-nowrap px-3 py-2">
                      {line.nextAttemptAt ? <LocalTime value={line.nextAttemptAt} /> : "—"}
                    </td>
                    <td className="break-all px-3 py-2 text-stone-700">{line.lastError ?? ""}</td>
                    <td className="px-3 py-2">
                      {line.state !== "pending" && (
                        <WebhookResendButton endpointId={endpoint.id} deliveryId={line.id} />
                      )}
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
