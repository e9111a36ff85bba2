// DELETE /api/staff/api-keys/{id}: an admin revokes a partner API key; its next call is refused.
import { z } from "zod";
import { revokeApiKey } from "@/lib/api/keys";
import { actorOf, adminChange, apiError } from "@/lib/http/api";

const noKey = () => apiError(404, "not_found", "There is no live API key with that id; it may be revoked already.");

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await adminChange(request);
  if (viewer instanceof Response) return viewer;
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return noKey();
  return (await revokeApiKey(id.data, actorOf(viewer))) ? new Response(null, { status: 204 }) : noKey();
}
