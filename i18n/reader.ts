import "server-only";
import { cookies, headers } from "next/headers";
import { currentViewer } from "@/lib/auth/viewer";
import { inviteeLocale, rememberedGrowerLocale } from "@/lib/i18n/grower-locale";
import { logger } from "@/lib/log";
import { type Locale, localeCookie, pathHeader } from "./locales";
import { chosenLocale } from "./negotiate";

/** What this reader asked for: the language switch's cookie, else their browser's languages (negotiate.ts). */
export async function readerChoice(): Promise<Locale | undefined> {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return chosenLocale({ cookie: jar.get(localeCookie)?.value, acceptLanguage: head.get("accept-language") });
}

/**
 * The grower's remembered language when the reader has not said theirs: on an invite link, the invited
 * grower's (staff chose it when adding them); for a signed-in grower, their own. Only asked when the
 * cookie and the browser name none of ours, so most requests never pay for the lookup.
 */
export async function rememberedReaderLocale(): Promise<Locale | undefined> {
  try {
    const invite = /^\/invite\/([^/]+)$/.exec((await headers()).get(pathHeader) ?? "");
    if (invite?.[1]) return await inviteeLocale(decodeURIComponent(invite[1]));
    const viewer = await currentViewer();
    return viewer?.role === "grower" ? await rememberedGrowerLocale(viewer.leafUserId) : undefined;
  } catch (error) {
    // A language is never worth a failed page: English it is.
    logger.warn({ err: error }, "i18n: no remembered language");
    return undefined;
  }
}
