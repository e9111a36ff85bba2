import "server-only";
import { pickLocale } from "@/i18n/negotiate";
import en from "@/messages/en/common.json";
import es from "@/messages/es/common.json";
import ptBR from "@/messages/pt-BR/common.json";
import { plainPage } from "./plain-page";

// The proxy answers before any page or route, where next-intl's request config does not run: it picks the
// language the same way (i18n/negotiate) and reads these few words straight from the catalog files, which
// the catalog test keeps complete in every language.
const words = { en, es, "pt-BR": ptBR } as const;

/** A link whose percent-encoding is broken (or hides a NUL): a 400 with words and a way on, never a 500. */
export function badAddress(headers: Headers, cookie: string | undefined): Response {
  const lang = pickLocale({ cookie, acceptLanguage: headers.get("accept-language") });
  const { title, body, action } = words[lang].errors.badAddress;
  return plainPage(400, { title, sentence: body, action: { label: action, href: "/" }, lang });
}
