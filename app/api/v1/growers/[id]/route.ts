// GET /api/v1/growers/{id}: one grower, each provider's stored status in the dashboard's words. {id} is the
// grower's Leaf user id.
import { findGrowerRow, growerBodies, unknownGrower } from "@/lib/api/growers";
import { apiOperation } from "@/lib/api/route";

export const GET = apiOperation<{ id: string }>("GET /growers/{id}", "read", async ({ params }) => {
  const row = await findGrowerRow(params.id);
  if (!row) return unknownGrower();
  const [body] = await growerBodies([row]);
  return Response.json(body);
});
