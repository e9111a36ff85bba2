import { checkedTime } from "@/components/dashboard/format";
import type { DeliveryView } from "@/lib/growers/grower-details";
import { RetryDeliveryButton } from "./retry-delivery-button";

interface Props {
  leafUserId: string;
  provider: { id: string; name: string };
  delivery: DeliveryView;
}

/** A token set Headland still holds for Leaf: why it has not arrived, its reference in the logs, and a retry. */
export function DeliveryNotice({ leafUserId, provider, delivery }: Props) {
  const failed = delivery.state === "failed";
  const reason = delivery.lastError ?? "Not tried yet";
  const tries = `${delivery.attempts} ${delivery.attempts === 1 ? "try" : "tries"}`;
  const colors = failed ? "bg-red-50 text-red-900" : "bg-amber-50 text-amber-900";
  return (
    <div role={failed ? "alert" : "status"} className={`mt-3 space-y-2 rounded-lg p-3 text-sm ${colors}`}>
      <p>
        {failed
          ? `Leaf refused this ${provider.name} credential after ${tries}: ${reason}. ` +
            "Headland keeps it, encrypted, until it is sent again or the grower disconnects."
          : `Waiting to reach Leaf: ${tries} so far, next at ${checkedTime(delivery.nextAttemptAt)}. ` +
            `Last reason: ${reason}.`}
      </p>
      <p className="text-xs">
        Reference <code>{delivery.correlationId}</code>
      </p>
      {failed && <RetryDeliveryButton leafUserId={leafUserId} provider={provider} />}
    </div>
  );
}
