// POST /api/growers/{leafUserId}/invites: staff send a new invite link; every earlier link stops working.
import { sendNewInvite } from "@/lib/growers/send-new-invite";
import { actorOf, apiError, staffChange } from "@/lib/http/api";

export async function POST(request: Request, { params }: { params: Promise<{ leafUserId: string }> }) {
  const viewer = await staffChange(request);
  if (viewer instanceof Response) return viewer;
  const invite = await sendNewInvite((await params).leafUserId, actorOf(viewer));
  if (!invite) return apiError(404, "unknown_grower", "Headland has no grower with that Leaf user id.");
  return Response.json({ inviteUrl: invite.url, inviteExpiresAt: invite.expiresAt }, { status: 201 });
}
