"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiAction } from "@/components/use-api-action";

/** Admins (re-)register Headland's webhook with Leaf, e.g. after APP_URL changed; running it again changes nothing. */
export function RegisterLeafAlerts() {
  const router = useRouter();
  const { busy, error, run } = useApiAction();
  const [done, setDone] = useState<string>();

  async function register() {
    setDone(undefined);
    const outcome = await run("/api/alerts/register", { method: "POST" }, "Leaf alerts could not be registered.");
    if (!outcome.ok) return;
    setDone(outcome.body.outcome === "kept" ? "Leaf alerts were already registered." : "Leaf alerts registered.");
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={register}
        disabled={busy}
        className="rounded-lg border border-stone-300 bg-white px-4 py-2 font-medium text-stone-800 disabled:opacity-60"
      >
        {busy ? "Registering…" : "Register Leaf alerts"}
      </button>
      {done && (
        <p role="status" className="text-sm text-stone-700">
          {done}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
