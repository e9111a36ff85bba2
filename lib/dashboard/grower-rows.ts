import "server-only";
import { and, asc, count, inArray, type SQL, sql } from "drizzle-orm";
import type { ConnectionStatus } from "@/lib/connections/status";
import { type Db, database } from "@/lib/db/client";
import { connectionSnapshots, growers } from "@/lib/db/schema";
import { providers } from "@/lib/providers";
import { type DashboardQuery, pageSize, type StatusFilter } from "./query";
import { recentlyComputed } from "./recently-computed";
import { attentionStatuses } from "./status-groups";
import type { DashboardRow } from "./types";

/** `%`, `_` and `\` typed into the search box are literal characters, not LIKE wildcards. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Written exactly as growers_search_idx is, so PostgreSQL can use the trigram index.
const searchable = sql`grower_search_text(${growers.name}, ${growers.email}, ${growers.leafUserId})`;
const nameKey = sql`lower(${growers.name})`;
const ofThisGrower = sql`${connectionSnapshots.leafUserId} = ${growers.leafUserId}`;
const lastChange = sql`(select max(${connectionSnapshots.changedAt})
  from ${connectionSnapshots} where ${ofThisGrower})`;

function statusesFor(filter: StatusFilter): string[] {
  return filter === "attention" ? [...attentionStatuses] : [filter];
}

export function growerFilter(query: Pick<DashboardQuery, "q" | "status">): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.q) conditions.push(sql`${searchable} ilike ${containsPattern(query.q)}`);
  if (query.status) {
    conditions.push(
      sql`exists (select 1 from ${connectionSnapshots}
        where ${ofThisGrower} and ${inArray(connectionSnapshots.status, statusesFor(query.status))})`,
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** The growers on one page of the view; exported so the bench can print its plan. */
export function pageQuery(db: Db, query: DashboardQuery) {
  const order =
    query.sort === "changed"
      ? [sql`${lastChange} desc nulls last`, asc(nameKey), asc(growers.id)]
      : [asc(nameKey), asc(growers.id)];
  return db
    .select({
      leafUserId: growers.leafUserId,
      name: growers.name,
      email: growers.email,
      // The row's connections in the same round trip: [provider, status, changed, checked] per snapshot.
      snapshots: sql<[string, string, string, string][] | null>`(select json_agg(json_build_array(
        ${connectionSnapshots.provider}, ${connectionSnapshots.status},
        ${connectionSnapshots.changedAt}, ${connectionSnapshots.checkedAt}))
        from ${connectionSnapshots} where ${ofThisGrower})`,
    })
    .from(growers)
    .where(growerFilter(query))
    .orderBy(...order)
    .limit(pageSize)
    .offset((query.page - 1) * pageSize);
}

const rememberedCounts = recentlyComputed<number>(5_000);

async function countGrowers(db: Db, query: DashboardQuery): Promise<number> {
  const [counted] = await db.select({ total: count() }).from(growers).where(growerFilter(query));
  return counted?.total ?? 0;
}

/**
 * How many growers the view holds. A page that is not full says so itself; a full one needs a count,
 * which scans every matching grower, so it is at most a few seconds old (per instance and view).
 */
async function viewTotal(db: Db, query: DashboardQuery, onPage: number): Promise<number> {
  const before = (query.page - 1) * pageSize;
  if (onPage > 0 && onPage < pageSize) return before + onPage;
  if (onPage === 0 && query.page === 1) return 0;
  const counted = await rememberedCounts(JSON.stringify([query.q, query.status ?? null]), () =>
    countGrowers(db, query),
  );
  // Past the last page nothing is shown; on a full page there are at least as many as shown so far.
  return onPage === 0 ? counted : Math.max(counted, before + onPage);
}

/** A timestamp as PostgreSQL's JSON writes it (with a zone offset), as an ISO string in UTC. */
const iso = (at: string) => new Date(at).toISOString();

/** One page of growers for the view, with each provider's stored status; never calls Leaf. */
export async function growerRows(query: DashboardQuery): Promise<{ rows: DashboardRow[]; total: number }> {
  const db = await database();
  const page = await pageQuery(db, query);
  const total = await viewTotal(db, query, page.length);
  const rows = page.map(({ snapshots, ...g }): DashboardRow => {
    const byProvider = new Map((snapshots ?? []).map((s) => [s[0], s]));
    const mine = providers.map((p) => byProvider.get(p.id));
    const checked = mine.flatMap((s) => (s ? [Date.parse(s[3])] : []));
    return {
      ...g,
      cells: providers.map((p, i) => ({
        provider: p.id,
        status: (mine[i]?.[1] as ConnectionStatus | undefined) ?? "not_connected",
        since: mine[i] ? iso(mine[i][2]) : null,
      })),
      lastChecked: checked.length ? new Date(Math.max(...checked)).toISOString() : null,
    };
  });
  return { rows, total };
}
