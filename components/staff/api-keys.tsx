"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { CopyField } from "../copy-field";
import { useApiAction } from "../use-api-action";

const field = "mt-1 w-full rounded-lg border border-stone-300 px-3 py-2";

/** An admin creates a key for a partner system and copies it: this is the only time it is shown. */
export function CreateApiKey() {
  const t = useTranslations("staff.apiKeys");
  const router = useRouter();
  const { busy, error, run } = useApiAction();
  const [created, setCreated] = useState<{ name: string; key: string }>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const json = { name: String(form.get("name")), scope: form.get("scope") };
    const outcome = await run("/api/staff/api-keys", { method: "POST", json });
    if (!outcome.ok) return;
    setCreated({ name: json.name, key: String(outcome.body.key) });
    event.currentTarget?.reset();
    router.refresh();
  }

  return (
    <section aria-labelledby="create-api-key" className="rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="create-api-key" className="font-medium">
        {t("createHeading")}
      </h2>
      <form onSubmit={submit} className="mt-3 grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <label className="block">
          <span className="text-sm font-medium">{t("keyName")}</span>
          <input name="name" required maxLength={80} placeholder={t("keyNamePlaceholder")} className={field} />
        </label>
        <label className="block">
          <span className="text-sm font-medium">{t("scope")}</span>
          <select name="scope" defaultValue="read" className={field}>
            <option value="read">{t("readScope")}</option>
            <option value="write">{t("writeScope")}</option>
          </select>
        </label>
        <button
          type="submit"
          disabled={busy}
          className="rounded-lg bg-field px-4 py-2 font-medium text-white disabled:opacity-60"
        >
          {busy ? t("creating") : t("create")}
        </button>
        {error && (
          <p role="alert" className="text-sm text-red-700 sm:col-span-3">
            {error}
          </p>
        )}
      </form>
      {created && (
        <div className="mt-4 space-y-2">
          <p className="text-sm font-medium text-amber-800">{t("copyNow", { name: created.name })}</p>
          <CopyField label={t("newKey")} value={created.key} buttonLabel={t("copyKey")} copiedText={t("copied")} />
        </div>
      )}
    </section>
  );
}

/** Revokes a key: the next call made with it is refused. */
export function RevokeApiKey({ id, name }: { id: string; name: string }) {
  const t = useTranslations("staff.apiKeys");
  const router = useRouter();
  const { busy, error, run } = useApiAction();

  async function revoke() {
    if (!window.confirm(t("confirmRevoke", { name }))) return;
    const outcome = await run(`/api/staff/api-keys/${id}`, { method: "DELETE" });
    if (outcome.ok) router.refresh();
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={revoke}
        disabled={busy}
        aria-label={t("revokeLabel", { name })}
        className="rounded-lg border border-stone-300 px-3 py-1 text-sm font-medium text-red-800 disabled:opacity-60"
      >
        {t("revoke")}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
