"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

type Action = "check" | "invite";

const endpoints: Record<Action, string> = { check: "check", invite: "invites" };
const failures: Record<Action, string> = {
  check: "Leaf could not be asked right now. The last known statuses are shown; try again in a minute.",
  invite: "A new invite could not be made. Try again in a minute.",
};

/** "Check now" and "Send new invite": each calls Headland, then re-renders the page with what changed. */
export function GrowerActions({ leafUserId }: { leafUserId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState<Action>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  async function run(action: Action) {
    setBusy(action);
    setMessage(undefined);
    const response = await fetch(`/api/growers/${encodeURIComponent(leafUserId)}/${endpoints[action]}`, { method: "POST" });
    setBusy(undefined);
    if (!response.ok) return setMessage({ ok: false, text: failures[action] });
    setMessage({ ok: true, text: action === "check" ? "Checked with Leaf just now." : "A new invite link is below; the old one no longer works." });
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" disabled={busy !== undefined} onClick={() => run("check")} className="rounded-lg bg-field px-4 py-2 font-medium text-white disabled:opacity-60">
        {busy === "check" ? "Checking…" : "Check now"}
      </button>
      <button type="button" disabled={busy !== undefined} onClick={() => run("invite")} className="rounded-lg border border-stone-300 bg-white px-4 py-2 font-medium text-stone-800 disabled:opacity-60">
        {busy === "invite" ? "Sending…" : "Send new invite"}
      </button>
      {message && <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-stone-700" : "text-red-700"}`}>{message.text}</p>}
    </div>
  );
}
