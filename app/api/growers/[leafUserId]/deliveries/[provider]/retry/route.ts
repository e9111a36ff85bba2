// POST /api/growers/{leafUserId}/deliveries/{provider}/retry: staff send a delivery Leaf refused back to the worker.

import { actorOf, apiError, staffChange } from "@/lib/http/api";
import { retryDelivery } from "@/lib/outbox/deliveries";
import { findProvider } from "@/lib/providers";

export async function POST(
  request: Request,
  { params }: { params: Promise<{ leafUserId: string; provider: string }> },
) {
  const viewer = await staffChange(request);
  if (viewer instanceof Response) return viewer;
  const { leafUserId, provider: providerId } = await params;
  const provider = findProvider(providerId);
  if (!provider) return apiError(404, "unknown_provider", "Headland does not connect to that service.");
  if (!(await retryDelivery(leafUserId, provider.id, actorOf(viewer)))) {
    return apiError(404, "nothing_to_retry", `There is no failed ${provider.name} delivery for this grower.`);
  }
  return Response.json({ queued: true }, { status: 202 });
}
