import "server-only";
import { audit } from "@/lib/audit";
import { config } from "@/lib/config";
import { growerLocale } from "@/lib/i18n/grower-locale";
import { logger } from "@/lib/log";
import { inviteMessage } from "@/lib/mail/invite-message";
import { mailEnabled, sendMail } from "@/lib/mail/send";
import { findGrower } from "./grower-details";
import { sendNewInvite } from "./send-new-invite";

export type EmailInviteOutcome =
  | { kind: "sent"; url: string; expiresAt: Date; maxUses: number; sentTo: string; sentAt: Date }
  | { kind: "unknown_grower" | "no_email" | "mail_off" }
  /** The new link exists (and the old one is revoked), but the mail server refused or was unreachable. */
  | { kind: "send_failed"; url: string; expiresAt: Date; maxUses: number };

/**
 * "Send invite by email": a new link, exactly as "Send new invite" makes it (earlier links and the
 * grower's sessions end), mailed to the grower's address from the partner's name.
 */
export async function emailInvite(leafUserId: string, actor: string, maxUses?: number): Promise<EmailInviteOutcome> {
  if (!mailEnabled()) return { kind: "mail_off" };
  const grower = await findGrower(leafUserId);
  if (!grower) return { kind: "unknown_grower" };
  if (!grower.email.trim()) return { kind: "no_email" };
  const invite = await sendNewInvite(leafUserId, actor, maxUses);
  if (!invite) return { kind: "unknown_grower" };
  const sent = await mailInvite(grower, invite, actor);
  return sent ? { kind: "sent", ...invite, ...sent } : { kind: "send_failed", ...invite };
}

/** Mails a link already issued, and records it; undefined when the mail server did not take it. */
export async function mailInvite(
  grower: { leafUserId: string; name: string; email: string },
  invite: { url: string; expiresAt: Date; maxUses: number },
  actor: string,
): Promise<{ sentTo: string; sentAt: Date } | undefined> {
  const { leafUserId, email } = grower;
  const locale = await growerLocale(leafUserId);
  const message = await inviteMessage({
    growerName: grower.name,
    partnerName: config().mail.partnerName,
    locale,
    ...invite,
  });
  try {
    await sendMail(email, message);
  } catch (error) {
    // Only what the mail server said: the error never carries the message, but keep its parts out anyway.
    const { code, responseCode } = error as { code?: string; responseCode?: number };
    logger.warn({ smtpError: code, responseCode, leafUserId }, "invite email not sent");
    const detail = `to ${email}; the mail server did not take it`;
    await audit({ actor, action: "invite_email", outcome: "failed", leafUserId, detail });
    return undefined;
  }
  await audit({ actor, action: "invite_email", outcome: "sent", leafUserId, detail: `to ${email}` });
  return { sentTo: email, sentAt: new Date() };
}
