import "server-only";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type ConnectionView, readSnapshots } from "@/lib/connections/snapshots";
import { containsPattern } from "@/lib/dashboard/grower-rows";
import { attentionStatuses } from "@/lib/dashboard/status-groups";
import { database } from "@/lib/db/client";
import { connectionSnapshots, growers } from "@/lib/db/schema";
import { findProvider } from "@/lib/providers";
import { staffStatusSentences, statusWords } from "@/lib/wording/status-words";
import { problem } from "./problem";
import type { GrowerBody, listGrowersQuery } from "./schemas";

type GrowerRow = typeof growers.$inferSelect;
type ListQuery = z.output<typeof listGrowersQuery>;

const never = new Date(0).toISOString();
const nameKey = sql`lower(${growers.name})`;

function connectionBody(view: ConnectionView): GrowerBody["connections"][number] {
  const checked = view.checkedAt !== never;
  return {
    provider: view.provider,
    providerName: findProvider(view.provider)?.name ?? view.provider,
    status: view.status,
    statusWords: statusWords[view.status],
    statusSentence: staffStatusSentences[view.status],
    since: checked ? view.since : null,
    checkedAt: checked ? view.checkedAt : null,
    problem: view.problem,
  };
}

/** Growers as the API returns them: the stored statuses in the dashboard's words; never calls Leaf. */
export async function growerBodies(rows: GrowerRow[]): Promise<GrowerBody[]> {
  const snapshots = await readSnapshots(rows.map((g) => g.leafUserId));
  return rows.map((g) => ({
    id: g.leafUserId,
    name: g.name,
    email: g.email,
    externalId: g.externalId,
    createdAt: g.createdAt.toISOString(),
    connections: (snapshots.get(g.leafUserId) ?? []).map(connectionBody),
  }));
}

export async function findGrowerRow(leafUserId: string): Promise<GrowerRow | undefined> {
  const db = await database();
  const [row] = await db.select().from(growers).where(eq(growers.leafUserId, leafUserId)).limit(1);
  return row;
}

/** The cursor is the last row's sort key, so a page never repeats or skips a grower added meanwhile. */
const encodeCursor = (row: { sortName: string; id: string }) =>
  Buffer.from(JSON.stringify([row.sortName, row.id])).toString("base64url");

export function decodeCursor(cursor: string): [string, string] | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const ok = Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === "string");
    const uuid = /^[0-9a-f-]{36}$/i;
    return ok && uuid.test(String(parsed[1])) ? (parsed as [string, string]) : undefined;
  } catch {
    return undefined;
  }
}

function connectionFilter(query: ListQuery): SQL | undefined {
  if (!query.status && !query.provider) return undefined;
  const conditions: SQL[] = [sql`${connectionSnapshots.leafUserId} = ${growers.leafUserId}`];
  if (query.provider) conditions.push(eq(connectionSnapshots.provider, query.provider));
  if (query.status === "attention") conditions.push(inArray(connectionSnapshots.status, [...attentionStatuses]));
  else if (query.status) conditions.push(eq(connectionSnapshots.status, query.status));
  else conditions.push(sql`${connectionSnapshots.status} <> 'not_connected'`);
  return sql`exists (select 1 from ${connectionSnapshots} where ${and(...conditions)})`;
}

/** One page of growers, by name; `after` is a decoded cursor. */
export async function listGrowers(query: ListQuery, after?: [string, string]) {
  const db = await database();
  const where: (SQL | undefined)[] = [connectionFilter(query)];
  // Written as the dashboard's search is, so PostgreSQL uses the same trigram index.
  const searchable = sql`grower_search_text(${growers.name}, ${growers.email}, ${growers.leafUserId})`;
  if (query.q) where.push(sql`${searchable} ilike ${containsPattern(query.q)}`);
  if (query.externalId) where.push(eq(growers.externalId, query.externalId));
  if (after) where.push(sql`(${nameKey}, ${growers.id}) > (${after[0]}, ${after[1]}::uuid)`);
  const rows = await db
    .select({ grower: growers, sortName: sql<string>`${nameKey}` })
    .from(growers)
    .where(and(...where))
    .orderBy(asc(nameKey), asc(growers.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor({ sortName: last.sortName, id: last.grower.id }) : null;
  return { data: await growerBodies(page.map((r) => r.grower)), nextCursor };
}

export async function findGrowerByExternalId(externalId: string): Promise<GrowerRow | undefined> {
  const db = await database();
  const [row] = await db.select().from(growers).where(eq(growers.externalId, externalId)).limit(1);
  return row;
}

export const inviteBody = (invite: { url: string; expiresAt: Date; maxUses: number }) => ({
  url: invite.url,
  expiresAt: invite.expiresAt.toISOString(),
  maxUses: invite.maxUses,
});

export const unknownGrower = () =>
  problem("not_found", "Headland has no grower with this id (the grower's Leaf user id).");
