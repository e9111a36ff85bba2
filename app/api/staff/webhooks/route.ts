// POST /api/staff/webhooks: an admin registers a receiver; the answer holds its signing secret, this once.
import { actorOf, adminChange, apiError } from "@/lib/http/api";
import { createEndpoint, EndpointRefused, newEndpointInput } from "@/lib/webhooks/endpoints";

export async function POST(request: Request) {
  const viewer = await adminChange(request);
  if (viewer instanceof Response) return viewer;
  const input = newEndpointInput.safeParse(await request.json().catch(() => undefined));
  if (!input.success) {
    const issue = input.error.issues[0];
    // A body that is not even an object has no field to name: say what to send.
    const message = issue?.path.length ? issue.message : "Send a JSON object with url and eventTypes.";
    return apiError(400, "invalid_input", message);
  }
  try {
    const { endpoint, secret } = await createEndpoint(actorOf(viewer), input.data);
    return Response.json({ endpoint, secret }, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof EndpointRefused) return apiError(400, "invalid_url", error.message);
    throw error;
  }
}
