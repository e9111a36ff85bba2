"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { count } from "./format";

/** Brings growers who already exist in Leaf onto the dashboard; running it again adds only new ones. */
export function ImportFromLeaf() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string }>();

  async function importUsers() {
    setBusy(true);
    setResult(undefined);
    const response = await fetch("/api/growers/import", { method: "POST" });
    const body = await response.json().catch(() => undefined);
    setBusy(false);
    if (!response.ok) return setResult({ ok: false, text: body?.error?.message ?? "The import didn't work. Try again in a minute." });
    const added: number = body.added;
    setResult({ ok: true, text: `${count(added)} new ${added === 1 ? "grower" : "growers"} imported; ${count(body.seen - added)} were already here. Their statuses fill in as Headland checks them.` });
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" onClick={importUsers} disabled={busy} className="rounded-lg border border-stone-300 bg-white px-4 py-2 font-medium text-stone-800 disabled:opacity-60">
        {busy ? "Importing…" : "Import from Leaf"}
      </button>
      {result && <p role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-stone-700" : "text-red-700"}`}>{result.text}</p>}
    </div>
  );
}
