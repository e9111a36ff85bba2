"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useApiAction } from "../use-api-action";
import { PasswordField } from "./password-field";

/** A staff member changes their own password; their sign-ins elsewhere end. */
export function ChangePasswordForm() {
  const t = useTranslations("staff.account");
  const { busy, error, run } = useApiAction();
  const [changed, setChanged] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setChanged(false);
    const outcome = await run("/api/staff/password", {
      method: "POST",
      json: { currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") },
    });
    if (!outcome.ok) return;
    formElement.reset();
    setChanged(true);
  }

  return (
    <form onSubmit={submit} className="space-y-4 rounded-xl border border-stone-200 bg-white p-4">
      <h2 className="font-medium">{t("changeHeading")}</h2>
      <PasswordField label={t("current")} name="currentPassword" />
      <PasswordField label={t("new")} name="newPassword" isNew />
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <p role="status" className="text-sm text-green-700">
        {changed ? t("changed") : ""}
      </p>
      <button
        type="submit"
        disabled={busy}
        className="rounded-lg bg-field px-4 py-2 font-medium text-white disabled:opacity-60"
      >
        {busy ? t("busy") : t("submit")}
      </button>
    </form>
  );
}
