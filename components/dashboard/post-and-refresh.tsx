"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionResult } from "@/components/action-result";
import { useApiAction } from "@/components/use-api-action";

interface Props {
  url: string;
  label: string;
  busyLabel: string;
  failure: string;
  /** The sentence shown once the API answered, from its body. */
  outcome(body: Record<string, unknown>): string;
}

/** A dashboard button that asks Headland's API for one thing, says how it went and refreshes the page. */
export function PostAndRefresh({ url, label, busyLabel, failure, outcome }: Props) {
  const router = useRouter();
  const { busy, error, run } = useApiAction();
  const [done, setDone] = useState<string>();

  async function post() {
    setDone(undefined);
    const answer = await run(url, { method: "POST" }, failure);
    if (!answer.ok) return;
    setDone(outcome(answer.body));
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={post}
        disabled={busy}
        className="rounded-lg border border-stone-300 bg-white px-4 py-2 font-medium text-stone-800 disabled:opacity-60"
      >
        {busy ? busyLabel : label}
      </button>
      <ActionResult done={done} error={error} />
    </div>
  );
}
