"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiAction } from "@/components/use-api-action";
import { count } from "./format";

/** Brings growers who already exist in Leaf onto the dashboard; running it again adds only new ones. */
export function ImportFromLeaf() {
  const router = useRouter();
  const { busy, error, run } = useApiAction();
  const [done, setDone] = useState<string>();

  async function importUsers() {
    setDone(undefined);
    const outcome = await run(
      "/api/growers/import",
      { method: "POST" },
      "The import didn't work. Try again in a minute.",
    );
    if (!outcome.ok) return;
    const added = Number(outcome.body.added);
    const already = Number(outcome.body.seen) - added;
    setDone(
      `${count(added)} new ${added === 1 ? "grower" : "growers"} imported; ${count(already)} were already here. ` +
        "Their statuses fill in as Headland checks them.",
    );
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={importUsers}
        disabled={busy}
        className="rounded-lg border border-stone-300 bg-white px-4 py-2 font-medium text-stone-800 disabled:opacity-60"
      >
        {busy ? "Importing…" : "Import from Leaf"}
      </button>
      {done && (
        <p role="status" className="text-sm text-stone-700">
          {done}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
