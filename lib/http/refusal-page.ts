import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { plainPage } from "./plain-page";

/** The refusals route handlers answer growers with, each a title, a sentence and an action under common.errors. */
export type Refusal = "unknownProvider" | "tooManyTries" | "badAddress";

/** A refusal as a plain page, in the reader's language (the request's locale, as on every page). */
export async function refusalPage(status: number, refusal: Refusal, href: string): Promise<Response> {
  const [t, lang] = await Promise.all([getTranslations("common.errors"), getLocale()]);
  return plainPage(status, {
    title: t(`${refusal}.title`),
    sentence: t(`${refusal}.body`),
    action: { label: t(`${refusal}.action`), href },
    lang,
  });
}

/** GET /api/connect/{provider} and its callback for a provider Headland does not have. */
export const unknownProvider = () => refusalPage(404, "unknownProvider", "/connections");
