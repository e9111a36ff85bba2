import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SignInForm } from "@/components/sign-in-form";
import { SiteHeader } from "@/components/site-header";
import { SsoSignIn } from "@/components/sso-sign-in";
import { redirectSignedIn } from "@/lib/auth/page-guards";
import { config } from "@/lib/config";
import { sandboxStaffAccount } from "@/lib/sandbox-defaults";
import { signInErrorKey } from "@/lib/wording/sign-in-words";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signin"))("title") };
}

/** Louder for a grower who has just been signed out, who is the one person this panel is for. */
const growerPanel = (signedOut?: string) => (signedOut ? "bg-amber-50 text-amber-900" : "bg-stone-100 text-stone-700");

// Growers never sign in here (their invite link signs them in), but a signed-out grower lands here too:
// the page tells them first what to do, then offers staff their form.
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ grower?: string; error?: string }>;
}) {
  await redirectSignedIn();
  const [{ grower, error }, t] = await Promise.all([searchParams, getTranslations("signin")]);
  const cfg = config();
  // Only the demo account, and only in sandbox mode: a password someone chose is never printed.
  const demo =
    cfg.passwordSignIn &&
    cfg.sandbox &&
    cfg.staff?.email === sandboxStaffAccount.email &&
    cfg.staff.password === sandboxStaffAccount.password;
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-sm px-4 py-10">
        <h1 className="text-2xl font-semibold text-field">{t("title")}</h1>
        <section aria-labelledby="grower-heading" className={`mt-4 rounded-lg p-3 text-sm ${growerPanel(grower)}`}>
          <h2 id="grower-heading" className="font-medium">
            {t("grower.heading")}
          </h2>
          <p className="mt-1">
            {grower && <strong>{t("grower.signedOut")} </strong>}
            {t("grower.body")}
          </p>
        </section>
        <h2 className="mt-8 text-lg font-medium">{t("staff.heading")}</h2>
        {error && (
          <p role="alert" className="mt-4 rounded-lg bg-red-50 p-3 text-sm text-red-800">
            {t(signInErrorKey(error))}
          </p>
        )}
        {cfg.sso && <SsoSignIn label={t("staff.sso", { name: cfg.sso.name })} />}
        {cfg.passwordSignIn && (
          <SignInForm
            words={{
              email: t("staff.email"),
              password: t("staff.password"),
              submit: t("staff.submit"),
              busy: t("staff.busy"),
              rateLimited: t("staff.rateLimited"),
              mismatch: t("staff.mismatch"),
            }}
          />
        )}
        {demo && (
          <p className="mt-6 rounded-lg border border-dashed border-stone-300 p-3 text-sm text-stone-600">
            {t.rich("staff.sandbox", {
              email: sandboxStaffAccount.email,
              password: sandboxStaffAccount.password,
              strong,
            })}
          </p>
        )}
      </main>
    </>
  );
}
