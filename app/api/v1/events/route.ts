// GET /api/v1/events?after=: what happened to growers' connections since the poller's cursor, oldest first.
import { eventPage } from "@/lib/api/events";
import { parse, queryOf } from "@/lib/api/input";
import { apiOperation } from "@/lib/api/route";
import { listEventsQuery } from "@/lib/api/schemas";

export const GET = apiOperation("GET /events", "read", async ({ request }) => {
  const query = parse(listEventsQuery, queryOf(request), "query");
  if ("response" in query) return query.response;
  return Response.json(await eventPage(query.data));
});
