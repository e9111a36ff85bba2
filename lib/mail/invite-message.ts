import "server-only";
import { translatorFor } from "@/i18n/catalog";
import { defaultLocale, type Locale } from "@/i18n/locales";
import { providers } from "@/lib/providers";

/** One email, both bodies: the text one for any mail client, the HTML one for the rest. */
export interface MailMessage {
  subject: string;
  text: string;
  html: string;
}

export interface InviteMessageInput {
  growerName: string;
  partnerName: string;
  url: string;
  expiresAt: Date;
  maxUses: number;
  /** The grower's language (lib/i18n/grower-locale.ts); English when Headland has not seen them yet. */
  locale?: Locale;
}

// In UTC, said so: the grower's time zone is unknown here.
function until(expiresAt: Date, locale: Locale): string {
  const format = new Intl.DateTimeFormat(locale === "en" ? "en-US" : locale, {
    dateStyle: "full",
    timeStyle: "short",
    hourCycle: "h23",
    timeZone: "UTC",
  });
  return `${format.format(expiresAt)} UTC`;
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => escapes[c]!);

function providerList(locale: Locale): string {
  // Headland's English writes no serial comma ("A, B and C"), as en-GB's list format does.
  return new Intl.ListFormat(locale === "en" ? "en-GB" : locale, { type: "conjunction" }).format(
    providers.map((p) => p.name),
  );
}

/** The invite email for a grower, in their language. Every value is the caller's; the HTML body escapes each one. */
export async function inviteMessage(input: InviteMessageInput): Promise<MailMessage> {
  const { growerName, partnerName, url, maxUses, locale = defaultLocale } = input;
  const t = await translatorFor(locale, "email");
  const lines = {
    hello: t("hello", { name: growerName }),
    ask: t("ask", { partner: partnerName, providers: providerList(locale) }),
    limits: t("limits", { uses: maxUses, until: until(input.expiresAt, locale), partner: partnerName }),
    unexpected: t("unexpected"),
  };
  const text = [lines.hello, lines.ask, url, lines.limits, lines.unexpected].join("\n\n");
  const paragraph = (line: string) => `<p>${escapeHtml(line)}</p>`;
  const button =
    `<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 18px;background:#2d5a27;` +
    `color:#ffffff;border-radius:6px;text-decoration:none">${escapeHtml(t("button"))}</a></p>`;
  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;color:#1d2a1d">`,
    paragraph(lines.hello),
    paragraph(lines.ask),
    button,
    `<p style="font-size:13px">${escapeHtml(t("orOpen"))} <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
    paragraph(lines.limits),
    paragraph(lines.unexpected),
    "</body></html>",
  ].join("\n");
  return { subject: t("subject", { partner: partnerName }), text, html };
}
