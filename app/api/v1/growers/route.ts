// POST /api/v1/growers: create a grower (the Leaf user, the grower, an invite link); idempotent with an
// Idempotency-Key. GET /api/v1/growers: growers by name, a page at a time, filtered and searched.
import { createGrower } from "@/lib/api/create-grower";
import { decodeCursor, listGrowers } from "@/lib/api/growers";
import { claimIdempotencyKey, idempotencyKeyHeader } from "@/lib/api/idempotency";
import { parse, parseBody, queryOf } from "@/lib/api/input";
import { problem } from "@/lib/api/problem";
import { apiOperation, errorResponse } from "@/lib/api/route";
import { createGrowerRequest, listGrowersQuery } from "@/lib/api/schemas";

export const POST = apiOperation("POST /growers", "write", async ({ request, key }) => {
  const input = await parseBody(request, createGrowerRequest);
  if ("response" in input) return input.response;
  const actor = `api:${key.name}`;
  const idempotencyKey = request.headers.get("idempotency-key");
  if (idempotencyKey === null) return createGrower(input.data, actor);
  const header = parse(idempotencyKeyHeader, idempotencyKey, "Idempotency-Key");
  if ("response" in header) return header.response;
  const claim = await claimIdempotencyKey(key.id, header.data, input.data);
  if (claim.kind === "answered") return claim.response;
  return claim.finish(await createGrower(input.data, actor).catch(errorResponse));
});

export const GET = apiOperation("GET /growers", "read", async ({ request }) => {
  const query = parse(listGrowersQuery, queryOf(request), "query");
  if ("response" in query) return query.response;
  const after = query.data.cursor === undefined ? undefined : decodeCursor(query.data.cursor);
  if (query.data.cursor !== undefined && !after)
    return problem("invalid_request", "cursor: not a cursor from this API. Pass nextCursor from the last page.");
  return Response.json(await listGrowers(query.data, after));
});
