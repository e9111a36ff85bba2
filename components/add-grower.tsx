"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { defaultLocale, localeNames, locales } from "@/i18n/locales";
import { inviteUseLimits } from "@/lib/auth/invite-limits";
import { translator } from "@/lib/i18n/sentence";
import { CopyField } from "./copy-field";
import type { DashboardWords } from "./dashboard/words";
import { useApiAction } from "./use-api-action";

// The same clock as the rest of the staff pages.
const sentAtFormat = new Intl.DateTimeFormat("en-US", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

type Translate = ReturnType<typeof translator<DashboardWords["addGrower"]>>;

function emailWords(t: Translate, body: Record<string, unknown>): string | undefined {
  if (!("sentTo" in body)) return undefined;
  if (typeof body.sentTo !== "string" || typeof body.sentAt !== "string") return t("notSent");
  return t("sentTo", { address: body.sentTo, time: sentAtFormat.format(new Date(body.sentAt)) });
}

/**
 * Staff add a grower: Headland creates the Leaf user and hands back an invite link, and mails it too
 * when staff ask and email is set up (`canEmail`).
 */
export function AddGrower({
  canEmail = false,
  words,
  locale,
}: {
  canEmail?: boolean;
  words: DashboardWords["addGrower"];
  locale: string;
}) {
  const t = translator(locale, words);
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { busy, error, run } = useApiAction();
  const [added, setAdded] = useState<{ name: string; inviteUrl: string; emailed?: string }>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const outcome = await run("/api/growers", {
      method: "POST",
      json: {
        name: form.get("name"),
        email: form.get("email"),
        locale: form.get("locale"),
        emailInvite: form.get("emailInvite") === "on",
      },
    });
    if (!outcome.ok) return;
    const { name, inviteUrl } = outcome.body;
    setAdded({ name: String(name), inviteUrl: String(inviteUrl), emailed: emailWords(t, outcome.body) });
    setOpen(false);
    router.refresh();
  }

  return (
    <div className="rounded-xl border border-stone-200 bg-white p-4">
      {!open && (
        <button
          type="button"
          onClick={() => {
            setOpen(true);
            setAdded(undefined);
          }}
          className="rounded-lg bg-field px-4 py-2 font-medium text-white"
        >
          {t("open")}
        </button>
      )}
      {open && (
        <form onSubmit={submit} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-end">
          <label className="block">
            <span className="text-sm font-medium">{t("name")}</span>
            <input
              name="name"
              required
              maxLength={200}
              className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
            />
          </label>
          <label className="block">
            <span className="text-sm font-medium">{t("email")}</span>
            <input
              name="email"
              type="email"
              required
              maxLength={320}
              className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
            />
          </label>
          {/* Their invite email is written in it, and their invite page opens in it unless their browser asks
              for another of ours. Each language is named in itself, as the grower would look for it. */}
          <label className="block">
            <span className="text-sm font-medium">{t("language")}</span>
            <select
              name="locale"
              defaultValue={defaultLocale}
              className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2"
            >
              {locales.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {localeNames[locale]}
                </option>
              ))}
            </select>
          </label>
          {/* Not "Email…": the Email field's label must stay the only one that says it. */}
          {canEmail && (
            <label className="flex items-center gap-2 text-sm text-stone-700 sm:order-last sm:col-span-4">
              <input type="checkbox" name="emailInvite" />
              {t("mailInvite")}
            </label>
          )}
          <div className="flex gap-2">
            <button
              type="submit"
              disabled={busy}
              className="rounded-lg bg-field px-4 py-2 font-medium text-white disabled:opacity-60"
            >
              {busy ? t("adding") : t("add")}
            </button>
            <button type="button" onClick={() => setOpen(false)} className="rounded-lg px-3 py-2 text-stone-700">
              {t("cancel")}
            </button>
          </div>
          {error && (
            <p role="alert" className="text-sm text-red-700 sm:col-span-4">
              {error}
            </p>
          )}
        </form>
      )}
      {added && (
        <div className="mt-4 space-y-2">
          <p className="text-sm text-stone-700">{t("added", { name: added.name, uses: inviteUseLimits.default })}</p>
          {added.emailed && (
            <p role="status" className="text-sm text-stone-700">
              {added.emailed}
            </p>
          )}
          <CopyField
            label={t("inviteLink")}
            value={added.inviteUrl}
            buttonLabel={t("copyInviteLink")}
            copiedText={t("copied")}
          />
        </div>
      )}
    </div>
  );
}
