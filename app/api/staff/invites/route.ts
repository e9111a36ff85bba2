// POST /api/staff/invites: an admin invites someone to the staff and gets a single-use link (72 h).
import { z } from "zod";
import { staffRoles } from "@/lib/db/schema";
import { actorOf, adminChange, apiError } from "@/lib/http/api";
import { inviteStaff } from "@/lib/staff/invites";
import { refusal } from "@/lib/staff/responses";

const newMember = z.object({
  email: z.email("Enter a valid email address.").trim().max(320),
  role: z.enum(staffRoles).default("member"),
});

export async function POST(request: Request) {
  const viewer = await adminChange(request);
  if (viewer instanceof Response) return viewer;
  const input = newMember.safeParse(await request.json().catch(() => undefined));
  if (!input.success) return apiError(400, "invalid_input", input.error.issues[0]?.message ?? "Enter an email.");
  try {
    const invite = await inviteStaff(actorOf(viewer), input.data.email, input.data.role);
    return Response.json({ inviteUrl: invite.url, expiresAt: invite.expiresAt }, { status: 201 });
  } catch (error) {
    return refusal(error);
  }
}
