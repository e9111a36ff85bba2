import type { Metadata } from "next";
import { SignInForm } from "@/components/sign-in-form";
import { SsoSignIn } from "@/components/sso-sign-in";
import { config } from "@/lib/config";
import { sandboxStaffAccount } from "@/lib/sandbox-defaults";
import { signInErrorSentence } from "@/lib/wording/sign-in-words";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ grower?: string; error?: string }>;
}) {
  const { grower, error } = await searchParams;
  const cfg = config();
  // Only the demo account, and only in sandbox mode: a password someone chose is never printed.
  const demo =
    cfg.passwordSignIn &&
    cfg.sandbox &&
    cfg.staff?.email === sandboxStaffAccount.email &&
    cfg.staff.password === sandboxStaffAccount.password;
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-semibold text-field">Headland</h1>
      {grower && (
        <p className="mt-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          Growers sign in with the invite link they were sent. Open it again, or ask for a new one.
        </p>
      )}
      <h2 className="mt-6 text-lg font-medium">Staff sign-in</h2>
      {error && (
        <p role="alert" className="mt-4 rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {signInErrorSentence(error)}
        </p>
      )}
      {cfg.sso && <SsoSignIn name={cfg.sso.name} />}
      {cfg.passwordSignIn && <SignInForm />}
      {demo && (
        <p className="mt-6 rounded-lg border border-dashed border-stone-300 p-3 text-sm text-stone-600">
          Sandbox mode: sign in as <strong>{sandboxStaffAccount.email}</strong> with password{" "}
          <strong>{sandboxStaffAccount.password}</strong>.
        </p>
      )}
    </main>
  );
}
