"use client";

import { useState } from "react";

const fallback = "That didn't work. Try again in a minute.";

type Outcome = { ok: true; body: Record<string, unknown> } | { ok: false };

/**
 * A state-changing call to Headland's own API from a button or form: busy while it runs, and on failure
 * the API's own sentence (or a plain one when the network dropped, as it does in a field).
 */
export function useApiAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function run(
    url: string,
    init: { method: "POST" | "DELETE"; json?: unknown },
    failure = fallback,
  ): Promise<Outcome> {
    setBusy(true);
    setError(undefined);
    try {
      const response = await fetch(url, {
        method: init.method,
        headers: init.json === undefined ? undefined : { "content-type": "application/json" },
        body: init.json === undefined ? undefined : JSON.stringify(init.json),
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok) return { ok: true, body };
      setError(body?.error?.message ?? failure);
    } catch {
      setError(failure);
    } finally {
      setBusy(false);
    }
    return { ok: false };
  }

  return { busy, error, run };
}
