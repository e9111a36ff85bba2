import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/viewer";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";

/** On every page: the way home, who is signed in, and the language switch (signed in or not). */
export async function SiteHeader({ viewer }: { viewer?: Viewer }) {
  const t = await getTranslations("common");
  const home = viewer?.role === "staff" ? "/dashboard" : viewer ? "/connections" : "/";
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href={home} className="font-semibold tracking-tight text-field">
          {t("appName")}
        </Link>
        <div className="flex flex-wrap items-center justify-end gap-x-4 gap-y-2 text-sm text-stone-600">
          {viewer?.role === "staff" && viewer.staffRole === "admin" && (
            <Link href="/staff" className="underline-offset-2 hover:underline">
              {t("header.staff")}
            </Link>
          )}
          {viewer?.role === "staff" && (
            <Link href="/staff/account" className="min-w-0 break-all underline-offset-2 hover:underline">
              {viewer.email}
            </Link>
          )}
          {viewer?.role === "grower" && <span>{viewer.name}</span>}
          {viewer && (
            // A signed-out grower lands on the page that tells them to open their invite link again.
            <SignOutButton
              label={t("header.signOut")}
              callbackUrl={viewer.role === "grower" ? "/signin?grower=1" : "/signin"}
            />
          )}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
