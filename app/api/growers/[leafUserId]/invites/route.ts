// POST /api/growers/{leafUserId}/invites: staff send a new invite link, optionally {maxUses: 1-10};
// every earlier link stops working and the grower's open sessions end.
import { z } from "zod";
import { inviteUseLimits } from "@/lib/auth/invite-limits";
import { sendNewInvite } from "@/lib/growers/send-new-invite";
import { actorOf, apiError, staffChange } from "@/lib/http/api";

const newInvite = z.object({
  maxUses: z.number().int().min(inviteUseLimits.min).max(inviteUseLimits.max).default(inviteUseLimits.default),
});

export async function POST(request: Request, { params }: { params: Promise<{ leafUserId: string }> }) {
  const viewer = await staffChange(request);
  if (viewer instanceof Response) return viewer;
  // No body at all means the default number of uses.
  const text = await request.text();
  const input = newInvite.safeParse(text.trim() ? safeJson(text) : {});
  if (!input.success)
    return apiError(400, "invalid_input", `Choose between ${inviteUseLimits.min} and ${inviteUseLimits.max} uses.`);
  const invite = await sendNewInvite((await params).leafUserId, actorOf(viewer), input.data.maxUses);
  if (!invite) return apiError(404, "unknown_grower", "Headland has no grower with that Leaf user id.");
  return Response.json(
    { inviteUrl: invite.url, inviteExpiresAt: invite.expiresAt, inviteMaxUses: invite.maxUses },
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
