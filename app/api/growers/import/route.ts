// POST /api/growers/import: staff bring every Leaf user Headland does not know yet onto the dashboard.
import { importLeafUsers } from "@/lib/growers/import-leaf-users";
import { actorOf, apiError, staffChange } from "@/lib/http/api";
import { isLeafError, leaf } from "@/lib/leaf";

export async function POST(request: Request) {
  const viewer = await staffChange(request);
  if (viewer instanceof Response) return viewer;
  try {
    return Response.json(await importLeafUsers(leaf(), actorOf(viewer)));
  } catch (error) {
    if (isLeafError(error))
      return apiError(
        503,
        "leaf_unavailable",
        "Leaf is not answering right now; nothing more was imported. Try again in a minute.",
      );
    throw error;
  }
}
