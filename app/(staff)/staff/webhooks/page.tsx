import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";
import { WebhookEndpointActions } from "@/components/staff/webhook-endpoint-actions";
import { WebhookEndpointForm } from "@/components/staff/webhook-endpoint-form";
import { requireAdmin } from "@/lib/auth/page-guards";
import { eventTypes } from "@/lib/events/types";
import { listEndpoints } from "@/lib/webhooks/endpoints";
import { webhookSettings } from "@/lib/webhooks/settings";

export const metadata: Metadata = { title: "Webhooks" };

/** Admins point Headland's signed events at the partner's own systems. */
export default async function WebhooksPage() {
  const viewer = await requireAdmin();
  const endpoints = await listEndpoints();
  return (
    <>
      <SiteHeader viewer={viewer} />
      <main className="mx-auto max-w-5xl space-y-6 px-4 py-8">
        <p className="text-sm">
          <Link href="/staff" className="underline">
            Staff
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Webhooks</h1>
        <p className="text-stone-700">
          Headland POSTs each event to every endpoint that chose it, signed with the endpoint&apos;s secret, and retries
          for a day until the receiver answers 2xx. A grower&apos;s events arrive in order.
        </p>
        <WebhookEndpointForm eventTypes={eventTypes} httpsOnly={webhookSettings().httpsOnly} />
        {endpoints.length === 0 ? (
          <p className="text-stone-700">No endpoints yet.</p>
        ) : (
          <table className="w-full rounded-xl border border-stone-200 bg-white text-left text-sm">
            <caption className="sr-only">Webhook endpoints</caption>
            <thead className="border-b border-stone-200 text-stone-600">
              <tr>
                <th className="px-3 py-2 font-medium">Endpoint</th>
                <th className="px-3 py-2 font-medium">Events</th>
                <th className="px-3 py-2 font-medium">Secret</th>
                <th className="px-3 py-2 font-medium">State</th>
                <th className="px-3 py-2">
                  <span className="sr-only">Actions</span>
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
                  <td className="px-3 py-2">{endpoint.enabled ? "Enabled" : "Disabled"}</td>
                  <td className="px-3 py-2">
                    <WebhookEndpointActions endpoint={endpoint} />
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
