// POST /api/growers: staff add a grower (creates the Leaf user) and get an invite link; with
// {emailInvite: true} Headland also mails the link to the grower, in the grower's `locale` (English by default).
import { z } from "zod";
import { defaultLocale, locales } from "@/i18n/locales";
import { addGrower } from "@/lib/growers/add-grower";
import { mailInvite } from "@/lib/growers/email-invite";
import { actorOf, apiError, staffChange } from "@/lib/http/api";
import { isLeafError } from "@/lib/leaf";
import { mailEnabled } from "@/lib/mail/send";

const newGrower = z.object({
  name: z.string().trim().min(1, "Enter the grower's name.").max(200),
  email: z.email("Enter a valid email address.").trim().max(320),
  emailInvite: z.boolean().default(false),
  // The dashboard's "Language" select; English unless staff pick another.
  locale: z.enum(locales, "Choose English, Español or Português (Brasil).").default(defaultLocale),
});

export async function POST(request: Request) {
  const viewer = await staffChange(request);
  if (viewer instanceof Response) return viewer;
  const input = newGrower.safeParse(await request.json().catch(() => undefined));
  if (!input.success)
    return apiError(400, "invalid_input", input.error.issues[0]?.message ?? "Enter a name and an email.");
  try {
    const { name, email, emailInvite, locale } = input.data;
    const { grower, invite } = await addGrower({ name, email, locale }, actorOf(viewer));
    // The grower exists either way: a mail server that refuses leaves staff the link to copy.
    const emailed = emailInvite && mailEnabled() ? await mailInvite(grower, invite, actorOf(viewer)) : undefined;
    return Response.json(
      {
        leafUserId: grower.leafUserId,
        name: grower.name,
        inviteUrl: invite.url,
        inviteExpiresAt: invite.expiresAt,
        ...(emailInvite && { sentTo: emailed?.sentTo ?? null, sentAt: emailed?.sentAt ?? null }),
      },
      { status: 201 },
    );
  } catch (error) {
    if (isLeafError(error, "rejected"))
      return apiError(400, "leaf_rejected", `Leaf refused this grower: ${error.message}`);
    if (isLeafError(error))
      return apiError(503, "leaf_unavailable", "Leaf is not answering right now. Try again in a minute.");
    throw error;
  }
}
