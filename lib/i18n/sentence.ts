import format, { type CompiledMessage } from "icu-minify/format";

// Words a client component shows with live values (a count that polls, an age that ticks) travel from the
// server already compiled (./compile-words), so the browser gets icu-minify's format-only runtime (under
// 1 kB) instead of next-intl's client and its ICU parser (about 12 kB gzip). Plain words arrive as strings.

/** One catalog message, compiled on the server: a plain string, or icu-minify's array form. */
export type Sentence = CompiledMessage;

/** A catalog subtree as the browser gets it: the same keys, every message compiled. */
export type Compiled<T> = { [K in keyof T]: T[K] extends string ? Sentence : Compiled<T[K]> };

export type SentenceValues = Record<string, string | number>;

// One Intl object per locale and options, as next-intl keeps them: building one is the slow part.
const cache = new Map<string, Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat>(
  kind: string,
  locale: unknown,
  options: unknown,
  make: () => T,
): T {
  const key = `${kind}|${JSON.stringify(locale)}|${JSON.stringify(options ?? {})}`;
  let made = cache.get(key) as T | undefined;
  if (!made) {
    made = make();
    cache.set(key, made);
  }
  return made;
}

const formatters = {
  getNumberFormat: (...[locale, options]: ConstructorParameters<typeof Intl.NumberFormat>) =>
    cached("number", locale, options, () => new Intl.NumberFormat(locale, options)),
  getPluralRules: (...[locale, options]: ConstructorParameters<typeof Intl.PluralRules>) =>
    cached("plural", locale, options, () => new Intl.PluralRules(locale, options)),
  getDateTimeFormat: (...[locale, options]: ConstructorParameters<typeof Intl.DateTimeFormat>) =>
    cached("date", locale, options, () => new Intl.DateTimeFormat(locale, options)),
};

/** The sentence with its values in, plurals and numbers as `locale` has them (the same rules as next-intl). */
export function say(locale: string, sentence: Sentence, values?: SentenceValues): string {
  return String(format(sentence, locale, values, { formatters }));
}

type SentenceKey<W> = { [K in keyof W]: W[K] extends Sentence ? K : never }[keyof W];

/** `t` over one compiled subtree, its keys checked by the compiler: t("selected", { count: 3 }). */
export function translator<W extends object>(locale: string, words: W) {
  return (key: SentenceKey<W>, values?: SentenceValues) => say(locale, words[key] as Sentence, values);
}
