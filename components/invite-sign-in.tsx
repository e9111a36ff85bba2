"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn, signOut } from "next-auth/react";
import { useEffect, useState } from "react";

/**
 * The invite landing: whose accounts are being connected, and one confirmation before the link is used.
 * When this browser is signed in as someone else, it says so; continuing ends that session first.
 */
export function InviteSignIn({
  token,
  grower,
  replacing,
}: {
  token: string;
  grower: { name: string; email: string };
  replacing?: string;
}) {
  const router = useRouter();
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  // Rendered disabled until the page's script runs: on a slow phone connection a press before that did nothing.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  async function continueIn() {
    setState("busy");
    if (replacing) await signOut({ redirect: false });
    const result = await signIn("invite", { token, redirect: false });
    if (result?.ok && !result.error) return router.replace("/connections");
    setState("failed");
    // The server page says why the link stopped working (used up, expired, replaced), if it did.
    router.refresh();
  }

  return (
    <section className="mt-6">
      <h2 className="text-lg font-medium">Connecting accounts for {grower.name}</h2>
      <p className="mt-2 text-stone-700">
        Connecting accounts for <strong>{grower.name}</strong>
        {grower.email ? `, ${grower.email}` : ""}. Not you? Don't continue; ask the person who sent this link for one of
        your own.
      </p>
      {replacing && (
        <p role="alert" className="mt-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          This browser is signed in as {replacing}. Continuing signs that session out and signs you in as {grower.name}.
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button
          type="button"
          disabled={!ready || state === "busy"}
          onClick={continueIn}
          className="rounded-lg bg-field px-4 py-2 font-medium text-white disabled:opacity-60"
        >
          {state === "busy" ? "Signing you in…" : `Continue as ${grower.name}`}
        </button>
        {replacing && (
          <Link href="/" className="text-stone-700 underline-offset-2 hover:underline">
            Stay signed in as {replacing}
          </Link>
        )}
      </div>
      {state === "failed" && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          We couldn't sign you in with this link. Ask the person who invited you to send a new link.
        </p>
      )}
    </section>
  );
}
