import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { checkedTime } from "@/components/dashboard/format";
import { SiteHeader } from "@/components/site-header";
import { WebhookResendButton } from "@/components/staff/webhook-resend-button";
import { requireAdmin } from "@/lib/auth/page-guards";
import { findEndpoint } from "@/lib/webhooks/endpoints";
import { type DeliveryLogLine, deliveryLog } from "@/lib/webhooks/log";

export const metadata: Metadata = { title: "Webhook deliveries" };

type Props = { params: Promise<{ id: string }> };

const stateWords: Record<string, string> = { pending: "Waiting", delivered: "Delivered", failed: "Gave up" };

function result(line: DeliveryLogLine): string {
  const code = line.statusCode ? ` (HTTP ${line.statusCode})` : "";
  return `${stateWords[line.state] ?? line.state}${code}`;
}

/** One endpoint's delivery log, newest first, with "Send again" for what is finished. */
export default async function WebhookDeliveriesPage({ params }: Props) {
  const viewer = await requireAdmin();
  const id = z.uuid().safeParse((await params).id);
  const endpoint = id.success ? await findEndpoint(id.data) : undefined;
  if (!endpoint) notFound();
  const lines = await deliveryLog(endpoint.id);
  return (
    <>
      <SiteHeader viewer={viewer} />
      <main className="mx-auto max-w-6xl space-y-6 px-4 py-8">
        <p className="text-sm">
          <Link href="/staff/webhooks" className="underline">
            Webhooks
          </Link>
        </p>
        <h1 className="break-all text-2xl font-semibold">Deliveries to {endpoint.url}</h1>
        <p className="text-stone-700">
          {endpoint.enabled ? "Enabled" : "Disabled: nothing is sent until it is enabled again"}. Secret{" "}
          <span className="font-mono">{endpoint.secretMasked}</span>. Times are UTC; the newest 100 deliveries.
        </p>
        {lines.length === 0 ? (
          <p className="text-stone-700">Nothing sent yet.</p>
        ) : (
          <table className="w-full rounded-xl border border-stone-200 bg-white text-left text-sm">
            <caption className="sr-only">Deliveries</caption>
            <thead className="border-b border-stone-200 text-stone-600">
              <tr>
                {["Time", "Event", "Grower", "Result", "Attempts", "Next try", "Last error"].map((h) => (
                  <th key={h} className="px-3 py-2 font-medium">
                    {h}
                  </th>
                ))}
                <th className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id} className="border-b border-stone-100 align-top last:border-0">
                  <td className="whitespace-nowrap px-3 py-2">{checkedTime(line.at.toISOString())}</td>
                  <td className="px-3 py-2">
                    <code>{line.type}</code>
                  </td>
                  <td className="px-3 py-2">{line.growerName ?? line.leafUserId}</td>
                  <td className="px-3 py-2">{result(line)}</td>
                  <td className="px-3 py-2">{line.attempts}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    {line.nextAttemptAt ? checkedTime(line.nextAttemptAt.toISOString()) : "—"}
                  </td>
                  <td className="break-all px-3 py-2 text-stone-700">{line.lastError ?? ""}</td>
                  <td className="px-3 py-2">
                    {line.state !== "pending" && <WebhookResendButton endpointId={endpoint.id} deliveryId={line.id} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </>
  );
}
