// POST /api/staff/webhooks/{id}/deliveries/{deliveryId}: "Send again" for a delivered or given-up delivery.
import { z } from "zod";
import { actorOf, adminChange, apiError } from "@/lib/http/api";
import { resendWebhook } from "@/lib/webhooks/deliveries";

type Params = { params: Promise<{ id: string; deliveryId: string }> };

const target = z.object({ id: z.uuid(), deliveryId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export async function POST(request: Request, { params }: Params) {
  const viewer = await adminChange(request);
  if (viewer instanceof Response) return viewer;
  const parsed = target.safeParse(await params);
  if (!parsed.success) return apiError(404, "not_found", "There is no such delivery. Reload the page.");
  if (!(await resendWebhook(actorOf(viewer), parsed.data.id, parsed.data.deliveryId)))
    return apiError(409, "not_finished", "This delivery is still being tried; it can be sent again once it is done.");
  return Response.json({ ok: true });
}
