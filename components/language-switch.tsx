import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { localeNames, locales } from "@/i18n/locales";
import { LanguageReturnPath } from "./language-return-path";

/**
 * One button per language, each named in its own language: one tap on a phone, and a plain form post, so
 * it works before (or without) the page's JavaScript. The choice is kept in a cookie by POST /language.
 */
export async function LanguageSwitch() {
  const [current, t] = await Promise.all([getLocale(), getTranslations("common.language")]);
  return (
    <form method="post" action="/language" aria-label={t("label")} className="flex flex-wrap items-center gap-1">
      <Suspense>
        <LanguageReturnPath />
      </Suspense>
      {locales.map((locale) =>
        locale === current ? (
          <span key={locale} lang={locale} aria-current="true" className="rounded px-2 py-1 font-medium text-stone-900">
            {localeNames[locale]}
          </span>
        ) : (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            className="min-h-6 rounded px-2 py-1 text-stone-600 underline underline-offset-2 hover:text-stone-900"
          >
            {localeNames[locale]}
          </button>
        ),
      )}
    </form>
  );
}
