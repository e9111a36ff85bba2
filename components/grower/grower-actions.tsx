"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionResult } from "@/components/action-result";
import { useApiAction } from "@/components/use-api-action";
import { inviteUseLimits } from "@/lib/auth/invite-limits";

type Action = "check" | "invite" | "email";

const endpoints: Record<Action, string> = { check: "check", invite: "invites", email: "invites" };
const failureKeys = { check: "checkFailed", invite: "inviteFailed", email: "emailFailed" } as const;
const outlined = "rounded-lg border border-stone-300 bg-white px-4 py-2 font-medium text-stone-800 disabled:opacity-60";
// Said in UTC, as staff read it aloud to a grower on the phone; e2e/invite-email.spec.ts relies on it.
const sentAtFormat = new Intl.DateTimeFormat("en-US", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/**
 * "Check now", "Send new invite" and "Send invite by email" (only with an address to send to and email set
 * up): each calls Headland, then re-renders the page with what changed.
 */
export function GrowerActions({ leafUserId, emailTo }: { leafUserId: string; emailTo?: string }) {
  const t = useTranslations("grower-detail.actions");
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
      t(failureKeys[action]),
    );
    setRunning(undefined);
    if (!outcome.ok) return;
    const { sentTo, sentAt } = outcome.body;
    const at = typeof sentAt === "string" ? t("sentAt", { time: sentAtFormat.format(new Date(sentAt)) }) : "";
    setDone(action === "email" ? t("sent", { to: String(sentTo), at }) : t(action === "check" ? "checked" : "invited"));
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
        {running === "check" ? t("checking") : t("check")}
      </button>
      <button type="button" disabled={busy} onClick={() => start("invite")} className={outlined}>
        {running === "invite" ? t("inviting") : t("invite")}
      </button>
      {emailTo && (
        <button
          type="button"
          disabled={busy}
          onClick={() => start("email")}
          title={t("emailTitle", { email: emailTo })}
          className={outlined}
        >
          {running === "email" ? t("emailing") : t("email")}
        </button>
      )}
      <label className="flex items-center gap-2 text-sm text-stone-700">
        {t("uses")}
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
