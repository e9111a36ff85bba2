"use client";

import { useRouter } from "next/navigation";
import { useApiAction } from "@/components/use-api-action";

/** Sends a token set Leaf refused back to the outbox worker, then re-renders the page with the outcome. */
export function RetryDeliveryButton({
  leafUserId,
  provider,
  labels,
}: {
  leafUserId: string;
  provider: { id: string; name: string };
  /** Words from the server's catalog, so this button sends no catalog to the browser. */
  labels: { retry: string; retrying: string };
}) {
  const router = useRouter();
  const { busy, error, run } = useApiAction();

  async function retry() {
    const outcome = await run(`/api/growers/${encodeURIComponent(leafUserId)}/deliveries/${provider.id}/retry`, {
      method: "POST",
    });
    if (outcome.ok) router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={busy}
        onClick={retry}
        className="rounded-lg bg-field px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
      >
        {busy ? labels.retrying : labels.retry}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
