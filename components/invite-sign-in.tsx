"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";
import { signInWithCredentials, signOutInPlace } from "@/lib/auth/browser-session";

/** The landing's words, translated on the server: this leaf ships no catalog to the browser. */
export interface InviteSignInWords {
  heading: string;
  who: ReactNode;
  replacing?: string;
  continue: string;
  busy: string;
  stay?: string;
  failed: string;
}

/**
 * The invite landing: whose accounts are being connected, and one confirmation before the link is used.
 * When this browser is signed in as someone else, it says so; continuing ends that session first.
 */
export function InviteSignIn({ token, words }: { token: string; words: InviteSignInWords }) {
  const router = useRouter();
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  // Rendered disabled until the page's script runs: on a slow phone connection a press before that did nothing.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  async function continueIn() {
    setState("busy");
    const signedIn = await replaceSession(token, Boolean(words.replacing)).catch(() => false);
    if (signedIn) return router.replace("/connections");
    setState("failed");
    // The server page says why the link stopped working (used up, expired, replaced), if it did.
    router.refresh();
  }

  return (
    <section>
      <h1 className="break-words text-2xl font-semibold text-field">{words.heading}</h1>
      <p className="mt-2 break-words text-stone-700">{words.who}</p>
      {words.replacing && (
        <p role="alert" className="mt-4 break-words rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          {words.replacing}
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button
          type="button"
          disabled={!ready || state === "busy"}
          onClick={continueIn}
          className="rounded-lg bg-field px-4 py-2 font-medium text-white disabled:opacity-60"
        >
          {state === "busy" ? words.busy : words.continue}
        </button>
        {words.stay && (
          <Link href="/" className="text-stone-700 underline-offset-2 hover:underline">
            {words.stay}
          </Link>
        )}
      </div>
      {state === "failed" && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {words.failed}
        </p>
      )}
    </section>
  );
}

/** Ends the session this browser holds, when it holds someone else's, then uses the invite. */
async function replaceSession(token: string, signedInAsSomeoneElse: boolean): Promise<boolean> {
  if (signedInAsSomeoneElse) await signOutInPlace(window.location.href);
  return (await signInWithCredentials("invite", { token }, "/connections")).ok;
}
