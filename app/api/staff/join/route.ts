// POST /api/staff/join: someone with a staff invite link sets their password and becomes a member.
// No session needed: the link's token (an HMAC over the invite id) is the proof, and works once.
import { z } from "zod";
import { apiError, foreignOrigin } from "@/lib/http/api";
import { joinStaff } from "@/lib/staff/invites";
import { maxPasswordLength } from "@/lib/staff/password-rules";
import { refusal } from "@/lib/staff/responses";

const joining = z.object({ token: z.string().max(200), password: z.string().max(maxPasswordLength) });

export async function POST(request: Request) {
  const refused = foreignOrigin(request);
  if (refused) return refused;
  const input = joining.safeParse(await request.json().catch(() => undefined));
  if (!input.success) return apiError(400, "invalid_input", "Enter a password.");
  try {
    const member = await joinStaff(input.data.token, input.data.password);
    return Response.json({ email: member.email }, { status: 201 });
  } catch (error) {
    return refusal(error);
  }
}
