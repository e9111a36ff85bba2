import "server-only";
import type { z } from "zod";
import type { ConnectionStatus } from "@/lib/connections/status";
import { listEvents } from "@/lib/events/list";
import type { EventBody, listEventsQuery } from "./schemas";

/**
 * Events younger than this are left for the next poll: ids are taken before commit, so one with a smaller
 * id may still appear; a poller keeping only the last id would miss it otherwise.
 */
const settledMs = 2_000;

/** The events after the poller's cursor, oldest first, and the cursor to keep. */
export async function eventPage(query: z.output<typeof listEventsQuery>) {
  const rows = await listEvents({
    after: query.after,
    since: query.since ? new Date(query.since) : undefined,
    leafUserId: query.growerId,
    types: query.type ? [query.type] : undefined,
    limit: query.limit,
    settledMs,
  });
  const data = rows.map(
    (e): EventBody => ({
      id: e.id,
      type: e.type,
      at: e.at.toISOString(),
      growerId: e.leafUserId,
      provider: e.provider,
      status: e.status as ConnectionStatus | null,
      previousStatus: e.previousStatus as ConnectionStatus | null,
      reason: e.reason,
    }),
  );
  return { data, nextCursor: data.at(-1)?.id ?? query.after ?? 0 };
}
