import "server-only";
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
}

// In UTC, said so: the grower's time zone is unknown here.
const untilFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "full",
  timeStyle: "short",
  hourCycle: "h23",
  timeZone: "UTC",
});

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => escapes[c]!);

function providerList(): string {
  const names = providers.map((p) => p.name);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");
}

/** The invite email for a grower. Every value is the caller's; the HTML body escapes each one. */
export function inviteMessage(input: InviteMessageInput): MailMessage {
  const { growerName, partnerName, url, maxUses } = input;
  const until = `${untilFormat.format(input.expiresAt)} UTC`;
  const uses = `${maxUses} sign-in${maxUses === 1 ? "" : "s"}`;
  const lines = {
    hello: `Hello ${growerName},`,
    ask:
      `${partnerName} asks you to connect your ${providerList()} accounts, ` +
      "so your farm data reaches them. It takes a minute:",
    limits:
      `The link is yours alone. It works for ${uses}, until ${until}. ` +
      `If it stops working, ask ${partnerName} for a new one.`,
    unexpected: "If you did not expect this email, you can ignore it.",
  };
  const text = [lines.hello, lines.ask, url, lines.limits, lines.unexpected].join("\n\n");
  const paragraph = (line: string) => `<p>${escapeHtml(line)}</p>`;
  const button =
    `<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 18px;background:#2d5a27;` +
    `color:#ffffff;border-radius:6px;text-decoration:none">Connect your accounts</a></p>`;
  const html = [
    '<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;color:#1d2a1d">',
    paragraph(lines.hello),
    paragraph(lines.ask),
    button,
    `<p style="font-size:13px">Or open this link: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
    paragraph(lines.limits),
    paragraph(lines.unexpected),
    "</body></html>",
  ].join("\n");
  return { subject: `${partnerName}: connect your farm accounts`, text, html };
}
