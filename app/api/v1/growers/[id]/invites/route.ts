// POST /api/v1/growers/{id}/invites: a new invite link, optionally {maxUses: 1-10, expiresInDays: 1-30};
// every earlier link stops working and the grower's open sessions end.
import { inviteBody, unknownGrower } from "@/lib/api/growers";
import { parseBody } from "@/lib/api/input";
import { apiOperation } from "@/lib/api/route";
import { newInviteRequest } from "@/lib/api/schemas";
import { sendNewInvite } from "@/lib/growers/send-new-invite";

const day = 24 * 3600_000;

export const POST = apiOperation<{ id: string }>("POST /growers/{id}/invites", "write", async (call) => {
  const input = await parseBody(call.request, newInviteRequest);
  if ("response" in input) return input.response;
  const { maxUses, expiresInDays } = input.data;
  const invite = await sendNewInvite(call.params.id, `api:${call.key.name}`, maxUses, expiresInDays * day);
  if (!invite) return unknownGrower();
  return Response.json(inviteBody(invite), { status: 201 });
});
