import "server-only";
import { createTranslator } from "next-intl";
import { defaultLocale, type Locale } from "./locales";

/**
 * Every catalog file is messages/<locale>/<namespace>.json. A namespace missing from a language, or a key
 * missing from a file, falls back to English, so staff pages can stay English-only and a new sentence
 * can ship before its translation.
 */
export const namespaces = [
  "common",
  "invite",
  "signin",
  "email",
  "connections",
  "doctor",
  "dashboard",
  "grower-detail",
  "staff",
] as const;
export type Namespace = (typeof namespaces)[number];

type Messages = { [key: string]: string | Messages };

async function loadFile(locale: Locale, namespace: Namespace): Promise<Messages> {
  try {
    // A template import: the bundler includes every catalog file, and a missing one rejects.
    return (await import(`../messages/${locale}/${namespace}.json`)).default as Messages;
  } catch {
    return {};
  }
}

function isBranch(value: unknown): value is Messages {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** English underneath, the locale's own words on top, key by key at any depth. */
export function mergeMessages(base: Messages, over: Messages): Messages {
  const merged: Messages = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = merged[key];
    merged[key] = isBranch(under) && isBranch(value) ? mergeMessages(under, value) : value;
  }
  return merged;
}

async function buildMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    namespaces.map(async (namespace) => {
      const english = await loadFile(defaultLocale, namespace);
      const own = locale === defaultLocale ? {} : await loadFile(locale, namespace);
      return [namespace, mergeMessages(english, own)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

// Catalogs are part of the build: kept once per process in production, re-read in development so edits show.
const built = new Map<Locale, Promise<Messages>>();
export function loadMessages(locale: Locale): Promise<Messages> {
  if (process.env.NODE_ENV !== "production") return buildMessages(locale);
  let messages = built.get(locale);
  if (!messages) {
    messages = buildMessages(locale);
    built.set(locale, messages);
  }
  return messages;
}

/** Only these namespaces, for a client provider: the browser gets the words it shows, not the catalog. */
export function pickNamespaces(messages: Record<string, unknown>, wanted: readonly string[]): Messages {
  return Object.fromEntries(wanted.filter((ns) => isBranch(messages[ns])).map((ns) => [ns, messages[ns] as Messages]));
}

/**
 * Words outside a page request, e.g. an email in the grower's language: the same catalog and fallback as
 * getTranslations, for a locale given explicitly.
 */
export async function translatorFor(locale: Locale, namespace: Namespace): Promise<Translate> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace });
  // The catalog is loaded at run time, so keys are checked by the catalog test rather than by the compiler.
  return t as unknown as Translate;
}

export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;
