"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { CopyField } from "../copy-field";
import { useApiAction } from "../use-api-action";

/** An admin invites someone to the staff and passes on the single-use link. */
export function InviteStaff() {
  const t = useTranslations("staff.invite");
  const router = useRouter();
  const { busy, error, run } = useApiAction();
  const [invited, setInvited] = useState<{ email: string; url: string }>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email"));
    const outcome = await run("/api/staff/invites", { method: "POST", json: { email, role: form.get("role") } });
    if (!outcome.ok) return;
    setInvited({ email, url: String(outcome.body.inviteUrl) });
    router.refresh();
  }

  return (
    <section aria-labelledby="invite-staff" className="rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="invite-staff" className="font-medium">
        {t("heading")}
      </h2>
      <form onSubmit={submit} className="mt-3 grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end">
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
        <label className="block">
          <span className="text-sm font-medium">{t("role")}</span>
          <select
            name="role"
            defaultValue="member"
            className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
          >
            <option value="member">{t("member")}</option>
            <option value="admin">{t("admin")}</option>
          </select>
        </label>
        <button
          type="submit"
          disabled={busy}
          className="rounded-lg bg-field px-4 py-2 font-medium text-white disabled:opacity-60"
        >
          {busy ? t("busy") : t("submit")}
        </button>
        {error && (
          <p role="alert" className="text-sm text-red-700 sm:col-span-3">
            {error}
          </p>
        )}
      </form>
      {invited && (
        <div className="mt-4 space-y-2">
          <p className="text-sm text-stone-700">{t("sendLink", { email: invited.email })}</p>
          <CopyField label={t("link")} value={invited.url} buttonLabel={t("copyLink")} copiedText={t("copied")} />
        </div>
      )}
    </section>
  );
}
