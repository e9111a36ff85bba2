"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionResult } from "@/components/action-result";
import { useApiAction } from "@/components/use-api-action";
import { inviteUseLimits } from "@/lib/auth/invite-limits";

type Action = "check" | "invite" | "email";

const endpoints: Record<Action, string> = { check: "check", invite: "invites", email: "invites" };
const failures: Record<Action, string> = {
  check: "Leaf could not be asked right now. The last known statuses are shown; try again in a minute.",
  invite: "A new invite could not be made. Try again in a minute.",
  email: "The invite email could not be sent. Try again in a minute.",
};
const successes: Record<Exclude<Action, "email">, string> = {
  check: "Checked with Leaf just now.",
  invite: "A new invite link is below; the old one no longer works and the grower's open sessions ended.",
};
const outlined = "rounded-lg border border-stone-300 bg-white px-4 py-2 font-medium text-stone-800 disabled:opacity-60";
// The page's other times are UTC too (the audit trail, the invite's uses).
const sentAtFormat = new Intl.DateTimeFormat("en-US", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

function sentWords(body: Record<string, unknown>): string {
  const at = typeof body.sentAt === "string" ? ` at ${sentAtFormat.format(new Date(body.sentAt))} UTC` : "";
  return `Sent to ${String(body.sentTo)}${at}. The old link no longer works and the grower's open sessions ended.`;
}

/**
 * "Check now", "Send new invite" and "Send invite by email" (only with an address to send to and email set
 * up): each calls Headland, then re-renders the page with what changed.
 */
export function GrowerActions({ leafUserId, emailTo }: { leafUserId: string; emailTo?: string }) {
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
      action === "check" ? { method: "POST" } : { method: "POST", json: { maxUses, email: action === "email" } },
      failures[action],
    );
    setRunning(undefined);
    if (!outcome.ok) return;
    setDone(action === "email" ? sentWords(outcome.body) : successes[action]);
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
      <button type="button" disabled={busy} onClick={() => start("invite")} className={outlined}>
        {running === "invite" ? "Sending…" : "Send new invite"}
      </button>
      {emailTo && (
        <button
          type="button"
          disabled={busy}
          onClick={() => start("email")}
          title={`Makes a new link and emails it to ${emailTo}`}
          className={outlined}
        >
          {running === "email" ? "Sending email…" : "Send invite by email"}
        </button>
      )}
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
      <ActionResult done={done} error={error} />
    </div>
  );
}
