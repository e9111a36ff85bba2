// POST /api/growers/{leafUserId}/check: staff ask Leaf for this grower's statuses now ("Check now").
import { checkGrowerNow } from "@/lib/growers/check-now";
import { actorOf, apiError, staffChange } from "@/lib/http/api";

export async function POST(request: Request, { params }: { params: Promise<{ leafUserId: string }> }) {
  const viewer = await staffChange(request);
  if (viewer instanceof Response) return viewer;
  const connections = await checkGrowerNow((await params).leafUserId, actorOf(viewer));
  if (!connections) return apiError(404, "unknown_grower", "Headland has no grower with that Leaf user id.");
  return Response.json({ connections }, { headers: { "cache-control": "no-store" } });
}
