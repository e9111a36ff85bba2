"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useCallback, useEffect, useRef, useState } from "react";

/** Signs the grower in with their invite as soon as the page opens; the button is there if that fails. */
export function InviteSignIn({ token, name }: { token: string; name: string }) {
  const router = useRouter();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);

  const continueIn = useCallback(async () => {
    setFailed(false);
    const result = await signIn("invite", { token, redirect: false });
    if (result?.ok && !result.error) router.replace("/connections");
    else setFailed(true);
  }, [router, token]);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void continueIn();
  }, [continueIn]);

  return (
    <section className="mt-6">
      <h2 className="text-lg font-medium">Welcome, {name}</h2>
      <p className="mt-2 text-stone-700">{failed ? "We couldn't sign you in with this link." : "Signing you in…"}</p>
      {failed && (
        <button
          type="button"
          onClick={continueIn}
          className="mt-4 rounded-lg bg-field px-4 py-2 font-medium text-white"
        >
          Try again
        </button>
      )}
    </section>
  );
}
