"use client";

import { useState } from "react";
import { startProviderSignIn } from "@/lib/auth/browser-session";

/**
 * "Sign in with NAME" (signin.staff.sso): a full-page trip to the organization's OpenID provider and back,
 * like any OAuth consent.
 */
export function SsoSignIn({ label }: { label: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        startProviderSignIn("sso", "/dashboard").catch(() => setBusy(false));
      }}
      className="mt-4 w-full rounded-lg border border-field px-4 py-2 font-medium text-field disabled:opacity-60"
    >
      {label}
    </button>
  );
}
