// POST /api/staff/members/{id}: an admin changes a member's role. DELETE: removes them.
// Either way the member's sessions end at once; the last admin can be neither demoted nor removed.
import { z } from "zod";
import { staffRoles } from "@/lib/db/schema";
import { actorOf, adminChange, apiError } from "@/lib/http/api";
import { changeStaffRole, removeStaff } from "@/lib/staff/members";
import { refusal } from "@/lib/staff/responses";

type Params = { params: Promise<{ id: string }> };

const memberId = z.uuid();
const roleChange = z.object({ role: z.enum(staffRoles) });
const unknownMember = () => apiError(404, "not_found", "There is no staff member with that email.");

export async function POST(request: Request, { params }: Params) {
  const viewer = await adminChange(request);
  if (viewer instanceof Response) return viewer;
  const id = memberId.safeParse((await params).id);
  if (!id.success) return unknownMember();
  const input = roleChange.safeParse(await request.json().catch(() => undefined));
  if (!input.success) return apiError(400, "invalid_input", "Choose admin or member.");
  try {
    await changeStaffRole(actorOf(viewer), { id: id.data }, input.data.role);
    return Response.json({ ok: true });
  } catch (error) {
    return refusal(error);
  }
}

export async function DELETE(request: Request, { params }: Params) {
  const viewer = await adminChange(request);
  if (viewer instanceof Response) return viewer;
  const id = memberId.safeParse((await params).id);
  if (!id.success) return unknownMember();
  try {
    await removeStaff(actorOf(viewer), { id: id.data });
    return Response.json({ ok: true });
  } catch (error) {
    return refusal(error);
  }
}
