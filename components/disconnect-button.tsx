"use client";

import { useState } from "react";
import { useApiAction } from "./use-api-action";

/** The button's words, from the catalog of the page it is on (connections, or grower-detail for staff). */
export interface DisconnectWords {
  disconnect: string;
  confirmLabel: string;
  question: string;
  yes: string;
  busy: string;
  cancel: string;
}

interface Props {
  leafUserId: string;
  provider: { id: string; name: string };
  onDone(): void;
  words: DisconnectWords;
}

/** Disconnect, after an explicit confirmation: it deletes the credential at Leaf. */
export function DisconnectButton({ leafUserId, provider, onDone, words }: Props) {
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useApiAction();

  async function disconnect() {
    const outcome = await run(`/api/growers/${encodeURIComponent(leafUserId)}/connections/${provider.id}`, {
      method: "DELETE",
    });
    if (!outcome.ok) return;
    setConfirming(false);
    onDone();
  }

  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="rounded-lg border border-stone-300 px-4 py-2 font-medium text-stone-800"
      >
        {words.disconnect}
      </button>
    );
  }
  return (
    <fieldset aria-label={words.confirmLabel} className="flex flex-wrap items-center gap-3 rounded-lg bg-stone-100 p-3">
      <span>{words.question}</span>
      <button
        type="button"
        disabled={busy}
        onClick={disconnect}
        className="rounded-lg bg-red-700 px-3 py-1.5 font-medium text-white disabled:opacity-60"
      >
        {busy ? words.busy : words.yes}
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => setConfirming(false)}
        className="rounded-lg px-3 py-1.5 text-stone-700"
      >
        {words.cancel}
      </button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
