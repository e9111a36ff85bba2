"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { signInWithCredentials } from "@/lib/auth/browser-session";

/** The form's words, translated on the server (staff may read any of Headland's languages). */
export interface SignInFormWords {
  email: string;
  password: string;
  submit: string;
  busy: string;
  rateLimited: string;
  mismatch: string;
}

export function SignInForm({ words }: { words: SignInFormWords }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const form = new FormData(event.currentTarget);
    const fields = { email: String(form.get("email")), password: String(form.get("password")) };
    // A dropped connection only frees the button (next-auth's client threw and left it busy): it is no mismatch.
    const result = await signInWithCredentials("staff", fields, "/dashboard").catch(() => undefined);
    setBusy(false);
    if (result?.ok) router.replace("/dashboard");
    else if (result) setError(result.error === "rate_limited" ? words.rateLimited : words.mismatch);
  }

  return (
    <form onSubmit={submit} className="mt-4 space-y-4">
      <label className="block">
        <span className="text-sm font-medium">{words.email}</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
        />
      </label>
      <label className="block">
        <span className="text-sm font-medium">{words.password}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
        />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-lg bg-field px-4 py-2 font-medium text-white disabled:opacity-60"
      >
        {busy ? words.busy : words.submit}
      </button>
    </form>
  );
}
