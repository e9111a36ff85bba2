// GET /api/growers/{leafUserId}/connections: each provider's status, fresh from Leaf.

import { liveConnections } from "@/lib/connections/snapshots";
import { viewerFor } from "@/lib/http/api";

export async function GET(_request: Request, { params }: { params: Promise<{ leafUserId: string }> }) {
  const { leafUserId } = await params;
  const viewer = await viewerFor(leafUserId);
  if (viewer instanceof Response) return viewer;
  return Response.json(
    { connections: await liveConnections(leafUserId), checkedAt: new Date().toISOString() },
    { headers: { "cache-control": "no-store" } },
  );
}
