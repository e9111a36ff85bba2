"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { signInWithCredentials } from "@/lib/auth/browser-session";
import type { StaffRole } from "@/lib/db/schema";
import { useApiAction } from "../use-api-action";
import { PasswordField } from "./password-field";

/** The invited person chooses a password, which uses the link, and is signed in with it. */
export function JoinStaffForm({ token, email, role }: { token: string; email: string; role: StaffRole }) {
  const t = useTranslations("staff.join");
  const router = useRouter();
  const { busy, error, run } = useApiAction();
  const [signInFailed, setSignInFailed] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password"));
    const outcome = await run("/api/staff/join", { method: "POST", json: { token, password } });
    if (!outcome.ok) return;
    const result = await signInWithCredentials("staff", { email, password }, "/dashboard").catch(() => ({ ok: false }));
    if (result.ok) router.replace("/dashboard");
    else setSignInFailed(true);
  }

  if (signInFailed)
    return (
      <p className="mt-6 text-stone-700">
        {t.rich("passwordSet", { email, signin: (chunks) => <a href="/signin">{chunks}</a> })}
      </p>
    );
  return (
    <form onSubmit={submit} className="mt-6 space-y-4">
      <h2 className="text-lg font-medium">{t("heading")}</h2>
      <p className="text-stone-700">{t("invitedAs", { role, email })}</p>
      <PasswordField label={t("password")} name="password" isNew />
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-lg bg-field px-4 py-2 font-medium text-white disabled:opacity-60"
      >
        {busy ? t("busy") : t("submit")}
      </button>
    </form>
  );
}
