"use client";

import { useEffect, useId, useState } from "react";
import { ActionResult } from "@/components/action-result";
import { translator } from "@/lib/i18n/sentence";
import type { DashboardWords } from "./words";

interface Props {
  providers: { id: string; name: string }[];
  /** The Leaf user ids of the rows on screen, for "Select this page". */
  pageIds: string[];
  selected: ReadonlySet<string>;
  onSelect(leafUserIds: string[], picked: boolean): void;
  onClear(): void;
  canEmail: boolean;
  /** The dashboard's search: "everyone who needs to reconnect" means everyone it shows. */
  search: string;
  words: DashboardWords["bulk"];
  locale: string;
}

interface Issued {
  sentence: string;
  csvUrl: string;
  fileName: string;
}

const header = (response: Response, name: string) => Number(response.headers.get(name) ?? 0);

/**
 * Staff pick growers (by hand, a page at a time, or every grower who must reconnect a provider) and issue
 * each a new invite link at once; the links come back as a CSV to download, kept only in this tab's memory.
 */
export function BulkInvites({
  providers,
  pageIds,
  selected,
  onSelect,
  onClear,
  canEmail,
  search,
  words,
  locale,
}: Props) {
  const t = translator(locale, words);
  const id = useId();
  const [provider, setProvider] = useState(providers[0]?.id ?? "");
  const [email, setEmail] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const [issued, setIssued] = useState<Issued>();

  // The CSV holds sign-in links: its object URL lives only as long as it is offered.
  useEffect(() => {
    if (!issued) return;
    return () => URL.revokeObjectURL(issued.csvUrl);
  }, [issued]);

  async function selectNeedingReconnect() {
    setError(undefined);
    setDone(undefined);
    const name = providers.find((p) => p.id === provider)?.name ?? provider;
    try {
      const query = new URLSearchParams({ needsReconnect: provider, q: search });
      const response = await fetch(`/api/growers/bulk-invites?${query}`);
      const body = await response.json();
      if (!response.ok) return setError(body?.error?.message ?? t("selectFailed"));
      const ids = (body.growers as { leafUserId: string }[]).map((g) => g.leafUserId);
      onSelect(ids, true);
      const found = t("foundNeedingReconnect", { count: ids.length, provider: name });
      setDone(body.truncated ? `${found} ${t("truncated", { count: ids.length })}` : found);
    } catch {
      setError(t("selectFailed"));
    }
  }

  async function issue() {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    setIssued(undefined);
    try {
      const response = await fetch("/api/growers/bulk-invites", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ leafUserIds: [...selected], email }),
      });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        return setError(body?.error?.message ?? t("failure"));
      }
      const fileName = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1];
      const csvUrl = URL.createObjectURL(await response.blob());
      const counts = {
        issued: header(response, "x-invites-issued"),
        emailed: header(response, "x-invites-emailed"),
        notEmailed: header(response, "x-invites-not-emailed"),
      };
      const parts = [t("issued", counts)];
      if (email) parts.push(t("emailed", counts));
      if (email && counts.notEmailed > 0) parts.push(t("notEmailed", counts));
      setIssued({ sentence: parts.join(" "), csvUrl, fileName: fileName ?? "headland-invites.csv" });
      onClear();
    } catch {
      setError(t("failure"));
    } finally {
      setBusy(false);
    }
  }

  const button = "rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm font-medium disabled:opacity-50";
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("title")}
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-provider`} className="block text-sm font-medium">
            {t("needsReconnectFor")}
          </label>
          <select
            id={`${id}-provider`}
            value={provider}
            onChange={(e) => setProvider(e.target.value)}
            className="mt-1 block rounded-lg border border-stone-300 bg-white px-3 py-2"
          >
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={selectNeedingReconnect} className={button}>
          {t("selectNeedingReconnect")}
        </button>
        <button
          type="button"
          onClick={() => onSelect(pageIds, true)}
          disabled={pageIds.length === 0}
          className={button}
        >
          {t("selectPage")}
        </button>
        <button type="button" onClick={onClear} disabled={selected.size === 0} className={button}>
          {t("clear")}
        </button>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <p aria-live="polite" className="text-sm font-medium">
          {t("selected", { count: selected.size })}
        </p>
        {canEmail && (
          <label className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" checked={email} onChange={(e) => setEmail(e.target.checked)} />
            {t("alsoEmail")}
          </label>
        )}
        <button
          type="button"
          onClick={issue}
          disabled={busy || selected.size === 0}
          className="rounded-lg bg-field px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
        >
          {busy ? t("issuing") : t("issue")}
        </button>
        <span className="text-xs text-stone-600">{t("oldLinksStop")}</span>
      </div>
      <ActionResult done={done} error={error} />
      {issued && (
        <div className="flex flex-wrap items-center gap-3">
          <p role="status" className="text-sm text-stone-700">
            {issued.sentence}
          </p>
          <a href={issued.csvUrl} download={issued.fileName} className="text-sm font-medium text-field underline">
            {t("download")}
          </a>
        </div>
      )}
    </section>
  );
}
