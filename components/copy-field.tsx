"use client";

import { useState } from "react";

/** A read-only field with a copy button, for links staff pass on to growers. */
export function CopyField({ label, value, buttonLabel }: { label: string; value: string; buttonLabel: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard?.writeText(value).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className="block min-w-0 flex-1">
        <span className="text-sm font-medium">{label}</span>
        <input
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="mt-1 w-full rounded-lg border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-sm"
        />
      </label>
      <button
        type="button"
        onClick={copy}
        className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm font-medium"
      >
        {buttonLabel}
      </button>
      <span role="status" className="text-sm text-green-700">
        {copied ? "Copied" : ""}
      </span>
    </div>
  );
}
