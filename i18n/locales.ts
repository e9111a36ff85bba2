/** The languages Headland speaks. URLs carry no locale: design.md's routes are contracts. */
export const locales = ["en", "es", "pt-BR"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Set by the language switch; without it, the browser's Accept-Language decides. */
export const localeCookie = "headland-locale";
/** Set by the proxy on every request (a client's own is replaced): the path, which next-intl's request config lacks. */
export const pathHeader = "x-headland-path";
/** The viewer's IANA time zone, remembered by the browser so the server can render dates in it next time. */
export const timeZoneCookie = "headland-tz";

/** Each language named in itself, as a person looking for their own language reads it. */
export const localeNames: Record<Locale, string> = { en: "English", es: "Español", "pt-BR": "Português (Brasil)" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
