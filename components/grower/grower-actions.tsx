"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiAction } from "@/components/use-api-action";
import { inviteUseLimits } from "@/lib/auth/invite-limits";

type Action = "check" | "invite";

const endpoints: Record<Action, string> = { check: "check", invite: "invites" };
const failures: Record<Action, string> = {
  check: "Leaf could not be asked right now. The last known statuses are shown; try again in a minute.",
  invite: "A new invite could not be made. Try again in a minute.",
};
const successes: Record<Action, string> = {
  check: "Checked with Leaf just now.",
  invite: "A new invite link is below; the old one no longer works and the grower's open sessions ended.",
};

/** "Check now" and "Send new invite": each calls Headland, then re-renders the page with what changed. */
export function GrowerActions({ leafUserId }: { leafUserId: string }) {
  const router = useRouter();
  const { busy, error, run } = useApiAction();
  const [running, setRunning] = useState<Action>();
  const [done, setDone] = useState<string>();
  const [maxUses, setMaxUses] = useState<number>(inviteUseLimits.default);

  async function start(action: Action) {
    setRunning(action);
    setDone(undefined);
    const outcome = await run(
      `/api/growers/${encodeURIComponent(leafUserId)}/${endpoints[action]}`,
      action === "invite" ? { method: "POST", json: { maxUses } } : { method: "POST" },
      failures[action],
    );
    setRunning(undefined);
    if (!outcome.ok) return;
    setDone(successes[action]);
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={busy}
        onClick={() => start("check")}
        className="rounded-lg bg-field px-4 py-2 font-medium text-white disabled:opacity-60"
      >
        {running === "check" ? "Checking…" : "Check now"}
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => start("invite")}
        className="rounded-lg border border-stone-300 bg-white px-4 py-2 font-medium text-stone-800 disabled:opacity-60"
      >
        {running === "invite" ? "Sending…" : "Send new invite"}
      </button>
      <label className="flex items-center gap-2 text-sm text-stone-700">
        Invite uses
        <select
          value={maxUses}
          onChange={(e) => setMaxUses(Number(e.target.value))}
          className="rounded-lg border border-stone-300 bg-white px-2 py-1.5"
        >
          {Array.from({ length: inviteUseLimits.max - inviteUseLimits.min + 1 }, (_, i) => inviteUseLimits.min + i).map(
            (n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ),
          )}
        </select>
      </label>
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
