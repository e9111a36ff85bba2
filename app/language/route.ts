import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { currentViewer } from "@/lib/auth/viewer";
import { config } from "@/lib/config";
import { plainPage } from "@/lib/http/plain-page";
import { rememberGrowerLocale } from "@/lib/i18n/grower-locale";
import { localeCookieFor, readLanguageChoice } from "@/lib/i18n/language-choice";

// POST /language: the language switch on every page. A plain form post, so it works without JavaScript;
// the choice lives in a cookie (URLs carry no locale), and a grower's also on their record, for emails.
export async function POST(request: Request) {
  const choice = await readLanguageChoice(request);
  if (!choice) return refused();
  const viewer = await currentViewer();
  if (viewer?.role === "grower") await rememberGrowerLocale(viewer.leafUserId, choice.locale);
  const response = NextResponse.redirect(new URL(choice.returnTo, config().appUrl), 303);
  response.cookies.set(localeCookieFor(choice.locale));
  return response;
}

async function refused(): Promise<Response> {
  const t = await getTranslations("common.language");
  return plainPage(400, {
    title: t("invalidTitle"),
    sentence: t("invalidBody"),
    action: { label: t("back"), href: "/" },
  });
}
