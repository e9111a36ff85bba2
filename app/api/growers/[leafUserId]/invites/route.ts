// POST /api/growers/{leafUserId}/invites: staff send a new invite link, optionally {maxUses: 1-10};
// every earlier link stops working and the grower's open sessions end. {email: true} also mails it to the
// grower.
import { z } from "zod";
import { inviteUseLimits } from "@/lib/auth/invite-limits";
import { type EmailInviteOutcome, emailInvite } from "@/lib/growers/email-invite";
import { sendNewInvite } from "@/lib/growers/send-new-invite";
import { actorOf, apiError, staffChange } from "@/lib/http/api";

const newInvite = z.object({
  maxUses: z.number().int().min(inviteUseLimits.min).max(inviteUseLimits.max).default(inviteUseLimits.default),
  email: z.boolean().default(false),
});

export async function POST(request: Request, { params }: { params: Promise<{ leafUserId: string }> }) {
  const viewer = await staffChange(request);
  if (viewer instanceof Response) return viewer;
  // No body at all means the default number of uses.
  const text = await request.text();
  const input = newInvite.safeParse(text.trim() ? safeJson(text) : {});
  if (!input.success)
    return apiError(400, "invalid_input", `Choose between ${inviteUseLimits.min} and ${inviteUseLimits.max} uses.`);
  const { leafUserId } = await params;
  if (input.data.email) return emailed(await emailInvite(leafUserId, actorOf(viewer), input.data.maxUses));
  const invite = await sendNewInvite(leafUserId, actorOf(viewer), input.data.maxUses);
  if (!invite) return apiError(404, "unknown_grower", "Headland has no grower with that Leaf user id.");
  return Response.json(
    { inviteUrl: invite.url, inviteExpiresAt: invite.expiresAt, inviteMaxUses: invite.maxUses },
    { status: 201 },
  );
}

// Each way an emailed invite can fall short: its status and what staff read.
const notEmailed: Record<Exclude<EmailInviteOutcome["kind"], "sent">, [number, string]> = {
  mail_off: [409, "Email is not set up here (SMTP_URL). Copy the invite link instead."],
  unknown_grower: [404, "Headland has no grower with that Leaf user id."],
  no_email: [409, "This grower has no email address. Copy the invite link instead."],
  send_failed: [502, "A new invite link is on this page, but the email could not be sent. Copy it, or try again."],
};

function emailed(outcome: EmailInviteOutcome): Response {
  if (outcome.kind !== "sent") {
    const [status, message] = notEmailed[outcome.kind];
    return apiError(status, outcome.kind, message);
  }
  const { url, expiresAt, maxUses, sentTo, sentAt } = outcome;
  return Response.json(
    { inviteUrl: url, inviteExpiresAt: expiresAt, inviteMaxUses: maxUses, sentTo, sentAt },
    { status: 201 },
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
