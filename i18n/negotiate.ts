import { defaultLocale, isLocale, type Locale, locales } from "./locales";

/** Accept-Language's tags, most wanted first (RFC 9110 §12.5.4); q=0 means "not this one". */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.weight > 0);
  return ranked.sort((a, b) => b.weight - a.weight || a.index - b.index).map((entry) => entry.tag);
}

/**
 * One of ours for a browser tag: the exact tag first, then by language alone, so es-MX reads Spanish and
 * pt-PT reads Brazilian Portuguese (closer to what they asked for than English).
 */
function matchTag(tag: string): Locale | undefined {
  const lower = tag.toLowerCase();
  const exact = locales.find((locale) => locale.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split("-")[0];
  return locales.find((locale) => locale.toLowerCase().split("-")[0] === language);
}

/**
 * The language the reader asked for themselves: the switch's cookie when it holds one of ours, else the first
 * of the browser's languages we have. Undefined when neither names one of ours.
 */
export function chosenLocale(input: { cookie?: string | null; acceptLanguage?: string | null }): Locale | undefined {
  if (isLocale(input.cookie)) return input.cookie;
  for (const tag of acceptedLanguages(input.acceptLanguage)) {
    const match = matchTag(tag);
    if (match) return match;
  }
  return undefined;
}

/**
 * The viewer's language. What the reader says wins, since they are the one reading: the switch's cookie (a
 * choice made on this very site), then the browser's languages. Only when neither names one of ours does
 * what Headland remembers for the grower count (the language staff chose when adding them, or the one the
 * grower last read in); then English.
 */
export function pickLocale(input: {
  cookie?: string | null;
  acceptLanguage?: string | null;
  remembered?: Locale;
}): Locale {
  return chosenLocale(input) ?? input.remembered ?? defaultLocale;
}

/** An IANA time zone the runtime knows, or undefined: the cookie is the browser's word, not to be trusted. */
export function validTimeZone(value: string | null | undefined): string | undefined {
  if (!value || value.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
