"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useApiAction } from "../use-api-action";

/** Pause or resume an endpoint, or delete it; deleting asks once more, since its delivery log goes too. */
export function WebhookEndpointActions({ endpoint }: { endpoint: { id: string; url: string; enabled: boolean } }) {
  const t = useTranslations("staff.webhooks");
  const router = useRouter();
  const { busy, error, run } = useApiAction();
  const [confirming, setConfirming] = useState(false);
  const url = `/api/staff/webhooks/${endpoint.id}`;

  async function act(init: { method: "POST" | "DELETE"; json?: unknown }) {
    const outcome = await run(url, init);
    setConfirming(false);
    if (outcome.ok) router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <button
        type="button"
        disabled={busy}
        onClick={() => act({ method: "POST", json: { enabled: !endpoint.enabled } })}
        className="rounded-lg border border-stone-300 px-3 py-1 text-sm disabled:opacity-60"
      >
        {t(endpoint.enabled ? "disable" : "enable", { url: endpoint.url })}
      </button>
      {confirming ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => act({ method: "DELETE" })}
          className="rounded-lg bg-red-700 px-3 py-1 text-sm text-white disabled:opacity-60"
        >
          {t("confirmDelete", { url: endpoint.url })}
        </button>
      ) : (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className="rounded-lg border border-red-300 px-3 py-1 text-sm text-red-800"
        >
          {t("delete", { url: endpoint.url })}
        </button>
      )}
      {error && (
        <p role="alert" className="w-full text-right text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
