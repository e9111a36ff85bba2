// DELETE /api/growers/{leafUserId}/connections/{provider}: disconnect (deletes the credential at Leaf).
import { disconnect } from "@/lib/growers/disconnect";
import { actorOf, apiError, foreignOrigin, viewerFor } from "@/lib/http/api";
import { isLeafError } from "@/lib/leaf";
import { findProvider } from "@/lib/providers";

export async function DELETE(
  request: Request,
  { params }: { params: Promise<{ leafUserId: string; provider: string }> },
) {
  const refused = foreignOrigin(request);
  if (refused) return refused;
  const { leafUserId, provider: providerId } = await params;
  const viewer = await viewerFor(leafUserId);
  if (viewer instanceof Response) return viewer;
  const provider = findProvider(providerId);
  if (!provider) return apiError(404, "unknown_provider", "Headland does not connect to that service.");
  try {
    await disconnect(leafUserId, provider, actorOf(viewer));
  } catch (error) {
    if (isLeafError(error))
      return apiError(
        503,
        "leaf_unavailable",
        `${provider.name} could not be disconnected because Leaf is not answering. Try again in a minute.`,
      );
    throw error;
  }
  return new Response(null, { status: 204 });
}
