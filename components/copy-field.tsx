"use client";

import { useState } from "react";

interface Props {
  label: string;
  value: string;
  buttonLabel: string;
  /** Said once the link is on the clipboard. */
  copiedText: string;
}

/**
 * A read-only field with a copy button, for links staff pass on to growers. A textarea rather than an input:
 * the whole link wraps onto as many lines as it needs, so it can be read (and checked) on a phone, where an
 * input showed "http://loca" and hid the rest.
 */
export function CopyField({ label, value, buttonLabel, copiedText }: Props) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard?.writeText(value).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }
  return (
    <div className="space-y-2">
      <label className="block min-w-0">
        <span className="text-sm font-medium">{label}</span>
        <textarea
          readOnly
          value={value}
          rows={2}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          className={`mt-1 block w-full resize-none break-all rounded-lg border border-stone-300 bg-stone-50 px-3 py-2
            font-mono text-sm [field-sizing:content]`}
        />
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={copy}
          className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm font-medium"
        >
          {buttonLabel}
        </button>
        <span role="status" className="text-sm text-green-700">
          {copied ? copiedText : ""}
        </span>
      </div>
    </div>
  );
}
