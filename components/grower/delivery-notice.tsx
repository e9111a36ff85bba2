import { getTranslations } from "next-intl/server";
import type { DeliveryView } from "@/lib/growers/grower-details";
import { LocalTime } from "@/lib/i18n/local-time";
import { RetryDeliveryButton } from "./retry-delivery-button";

interface Props {
  leafUserId: string;
  provider: { id: string; name: string };
  delivery: DeliveryView;
}

/** A token set Headland still holds for Leaf: why it has not arrived, its reference in the logs, and a retry. */
export async function DeliveryNotice({ leafUserId, provider, delivery }: Props) {
  const t = await getTranslations("grower-detail.delivery");
  const failed = delivery.state === "failed";
  const reason = delivery.lastError ?? t("notTried");
  const colors = failed ? "bg-red-50 text-red-900" : "bg-amber-50 text-amber-900";
  return (
    <div role={failed ? "alert" : "status"} className={`mt-3 space-y-2 rounded-lg p-3 text-sm ${colors}`}>
      <p>
        {failed
          ? t("failed", { provider: provider.name, attempts: delivery.attempts, reason })
          : t.rich("waiting", {
              attempts: delivery.attempts,
              reason,
              next: () => <LocalTime value={delivery.nextAttemptAt} />,
            })}
      </p>
      <p className="text-xs">
        {t("reference")} <code className="break-all">{delivery.correlationId}</code>
      </p>
      {failed && (
        <RetryDeliveryButton
          leafUserId={leafUserId}
          provider={provider}
          labels={{ retry: t("retry", { provider: provider.name }), retrying: t("retrying") }}
        />
      )}
    </div>
  );
}
