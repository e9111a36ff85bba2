import "server-only";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import { type DashboardWords, dashboardClientKeys } from "@/components/dashboard/words";
import { compileWords } from "@/lib/i18n/compile-words";
import { statusWords } from "@/lib/wording/status-words";
import type dashboard from "@/messages/en/dashboard.json";

/** The dashboard's client words in the reader's locale (English underneath, as the catalog falls back). */
export async function dashboardWords(): Promise<DashboardWords> {
  const [messages, locale, timeZone] = await Promise.all([getMessages(), getLocale(), getTimeZone()]);
  const compiled = compileWords(messages.dashboard as typeof dashboard);
  const words = Object.fromEntries(dashboardClientKeys.map((key) => [key, compiled[key]]));
  return { ...(words as Omit<DashboardWords, "locale" | "timeZone" | "statusWords">), locale, timeZone, statusWords };
}
