import "server-only";
import { z } from "zod";
import { localeCookie, locales } from "@/i18n/locales";
import { config } from "@/lib/config";
import { safeReturnPath } from "@/lib/http/return-to";

const choiceSchema = z.object({
  locale: z.enum(locales),
  returnTo: z.string().max(512).optional(),
});

export type LanguageChoice = { locale: (typeof locales)[number]; returnTo: string };

/** The language switch's form post, parsed; undefined when it is not one (wrong body, unknown language). */
export async function readLanguageChoice(request: Request): Promise<LanguageChoice | undefined> {
  const form = await request.formData().catch(() => undefined);
  const parsed = choiceSchema.safeParse(form ? Object.fromEntries(form) : undefined);
  if (!parsed.success) return undefined;
  // Back to the page the switch was on, and only ever to a page of ours (no open redirect).
  return { locale: parsed.data.locale, returnTo: safeReturnPath(parsed.data.returnTo, "/") };
}

/** A year: a language is not a session. Readable by the server only; nothing in the page needs it. */
export function localeCookieFor(locale: string) {
  const secure = config().appUrl.startsWith("https://");
  return {
    name: localeCookie,
    value: locale,
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
    httpOnly: true,
    sameSite: "lax" as const,
    secure,
  };
}
