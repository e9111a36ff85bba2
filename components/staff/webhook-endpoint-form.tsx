"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { CopyField } from "../copy-field";
import { useApiAction } from "../use-api-action";

/** An admin registers a receiver and copies its signing secret, which is shown this once. */
export function WebhookEndpointForm({ eventTypes, httpsOnly }: { eventTypes: readonly string[]; httpsOnly: boolean }) {
  const t = useTranslations("staff.webhooks");
  const router = useRouter();
  const { busy, error, run } = useApiAction();
  const [created, setCreated] = useState<{ url: string; secret: string }>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const url = String(form.get("url"));
    const outcome = await run("/api/staff/webhooks", {
      method: "POST",
      json: { url, eventTypes: form.getAll("eventTypes") },
    });
    if (!outcome.ok) return;
    setCreated({ url, secret: String(outcome.body.secret) });
    router.refresh();
  }

  return (
    <section aria-labelledby="add-webhook" className="rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="add-webhook" className="font-medium">
        {t("addHeading")}
      </h2>
      <form onSubmit={submit} className="mt-3 space-y-3">
        <label className="block">
          <span className="text-sm font-medium">{t("receiverUrl")}</span>
          <input
            name="url"
            type="url"
            required
            maxLength={2000}
            placeholder="https://crm.example.com/hooks/headland"
            className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
          />
          <span className="mt-1 block text-sm text-stone-600">{httpsOnly ? t("httpsOnly") : t("httpAllowed")}</span>
        </label>
        <fieldset>
          <legend className="text-sm font-medium">{t("events")}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {eventTypes.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="eventTypes" value={type} defaultChecked />
                <code>{type}</code>
              </label>
            ))}
          </div>
        </fieldset>
        <button
          type="submit"
          disabled={busy}
          className="rounded-lg bg-field px-4 py-2 font-medium text-white disabled:opacity-60"
        >
          {busy ? t("adding") : t("add")}
        </button>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
      </form>
      {created && (
        <div className="mt-4 space-y-2">
          <p className="text-sm text-stone-700">{t("secretFor", { url: created.url })}</p>
          <CopyField
            label={t("signingSecret")}
            value={created.secret}
            buttonLabel={t("copySecret")}
            copiedText={t("copied")}
          />
        </div>
      )}
    </section>
  );
}
