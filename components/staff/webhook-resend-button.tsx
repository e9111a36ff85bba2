"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useApiAction } from "../use-api-action";

/** "Send again" for one delivered or given-up delivery: the worker sends it within seconds. */
export function WebhookResendButton({ endpointId, deliveryId }: { endpointId: string; deliveryId: number }) {
  const t = useTranslations("staff.deliveries");
  const router = useRouter();
  const { busy, error, run } = useApiAction();

  async function resend() {
    const outcome = await run(`/api/staff/webhooks/${endpointId}/deliveries/${deliveryId}`, { method: "POST" });
    if (outcome.ok) router.refresh();
  }

  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={resend}
        className="rounded-lg border border-stone-300 px-2 py-1 text-sm disabled:opacity-60"
      >
        {t("sendAgain")}
      </button>
      {error && (
        <span role="alert" className="block text-sm text-red-700">
          {error}
        </span>
      )}
    </>
  );
}
