// POST /api/staff/webhooks/{id}: an admin enables or disables an endpoint. DELETE: removes it and its log.
import { z } from "zod";
import { actorOf, adminChange, apiError } from "@/lib/http/api";
import { deleteEndpoint, setEndpointEnabled } from "@/lib/webhooks/endpoints";

type Params = { params: Promise<{ id: string }> };

const endpointId = z.uuid();
const change = z.object({ enabled: z.boolean() });
const unknownEndpoint = () => apiError(404, "not_found", "There is no such webhook endpoint. Reload the page.");

export async function POST(request: Request, { params }: Params) {
  const viewer = await adminChange(request);
  if (viewer instanceof Response) return viewer;
  const id = endpointId.safeParse((await params).id);
  if (!id.success) return unknownEndpoint();
  const input = change.safeParse(await request.json().catch(() => undefined));
  if (!input.success) return apiError(400, "invalid_input", "Say whether the endpoint is enabled.");
  if (!(await setEndpointEnabled(actorOf(viewer), id.data, input.data.enabled))) return unknownEndpoint();
  return Response.json({ ok: true });
}

export async function DELETE(request: Request, { params }: Params) {
  const viewer = await adminChange(request);
  if (viewer instanceof Response) return viewer;
  const id = endpointId.safeParse((await params).id);
  if (!id.success || !(await deleteEndpoint(actorOf(viewer), id.data))) return unknownEndpoint();
  return Response.json({ ok: true });
}
