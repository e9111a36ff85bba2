import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { config } from "@/lib/config";
import { isLoopbackUrl } from "@/lib/http/loopback";
import type { MailMessage } from "./invite-message";

let cached: { url: string; transport: Transporter } | undefined;

/** Whether Headland can send email at all: always in sandbox mode, in live mode only with SMTP_URL. */
export function mailEnabled(): boolean {
  return config().mail.smtp !== undefined;
}

/** nodemailer's own `url` option drops every other option, so the URL is taken apart here. */
function smtpOptions(value: string) {
  const url = new URL(value);
  const auth = url.username
    ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
    : undefined;
  const secure = url.protocol === "smtps:";
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : undefined,
    secure,
    auth,
    // smtp:// off this machine must upgrade with STARTTLS: the message carries a sign-in link.
    requireTLS: !secure && !isLoopbackUrl(value),
    // Staff wait on the button; a mail server that hangs must not hold them for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
}

function transport(url: string): Transporter {
  if (cached?.url !== url) cached = { url, transport: nodemailer.createTransport(smtpOptions(url)) };
  return cached.transport;
}

/** Sends one message from the partner's name; throws when the SMTP server does not accept it. */
export async function sendMail(to: string, message: MailMessage): Promise<void> {
  const { smtp, partnerName } = config().mail;
  if (!smtp) throw new Error("Email is not set up (SMTP_URL)");
  await transport(smtp.url).sendMail({
    from: { name: partnerName, address: smtp.from },
    to,
    subject: message.subject,
    text: message.text,
    html: message.html,
  });
}
