import "server-only";
import { cookies } from "next/headers";
import { IntlErrorCode } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { logger } from "@/lib/log";
import { loadMessages } from "./catalog";
import { defaultLocale, timeZoneCookie } from "./locales";
import { validTimeZone } from "./negotiate";
import { readerChoice, rememberedReaderLocale } from "./reader";

// next-intl reads this once per request (the plugin in next.config.js points at it).
export default getRequestConfig(async () => {
  const jar = await cookies();
  // Precedence (negotiate.ts): the reader's own choice, then the grower's remembered language, then English.
  const locale = (await readerChoice()) ?? (await rememberedReaderLocale()) ?? defaultLocale;
  return {
    locale,
    messages: await loadMessages(locale),
    // The server cannot know the viewer's zone until their browser has said it once (see LocalTime).
    timeZone: validTimeZone(jar.get(timeZoneCookie)?.value) ?? "UTC",
    // A missing word shows its key and is logged; it never takes the page down.
    onError(error) {
      if (error.code === IntlErrorCode.MISSING_MESSAGE) logger.warn({ locale, message: error.message }, "i18n");
      else logger.error({ locale, err: error }, "i18n");
    },
    getMessageFallback: ({ namespace, key }) => (namespace ? `${namespace}.${key}` : key),
  };
});
