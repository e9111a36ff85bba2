import "server-only";
import { and, eq, inArray, min, sql } from "drizzle-orm";
import { recentlyComputed } from "@/lib/dashboard/recently-computed";
import { database } from "@/lib/db/client";
import { auditLog, events, growers, invites, inviteUses } from "@/lib/db/schema";

// The invite funnel: how far each grower got from the link staff sent to a working connection.
// Invited: an invite was issued. Opened: an invite link signed them in. Started: they left for a
// provider's consent page (the connect route's "consent started" audit row). Connected: a credential
// reached Leaf (the events log; the outbox's "delivered" audit row for connections older than the log).

export const funnelStages = ["invited", "opened", "started", "connected"] as const;
export type FunnelStage = (typeof funnelStages)[number];

export type FunnelCounts = Record<FunnelStage, number>;

export interface ProviderProgress {
  provider: string;
  startedAt: Date | null;
  connectedAt: Date | null;
}

export interface GrowerFunnelData {
  /** The first time each stage was reached, or null while it has not been. */
  reached: Record<FunnelStage, Date | null>;
  invites: number;
  opens: number;
  providers: ProviderProgress[];
}

const started = and(eq(auditLog.action, "consent"), eq(auditLog.outcome, "started"));
const delivered = and(eq(auditLog.action, "deliver"), eq(auditLog.outcome, "delivered"));

/** One grower's funnel, from their invites, sign-ins, consent starts and connections. */
export async function growerFunnel(growerId: string, leafUserId: string): Promise<GrowerFunnelData> {
  const db = await database();
  const [inviteRows, openRows, auditRows, eventRows] = await Promise.all([
    db.select({ at: invites.createdAt }).from(invites).where(eq(invites.growerId, growerId)),
    db
      .select({ at: inviteUses.usedAt })
      .from(inviteUses)
      .innerJoin(invites, eq(invites.id, inviteUses.inviteId))
      .where(eq(invites.growerId, growerId)),
    db
      .select({ provider: auditLog.provider, action: auditLog.action, at: min(auditLog.at) })
      .from(auditLog)
      .where(and(eq(auditLog.leafUserId, leafUserId), sql`(${started} or ${delivered})`))
      .groupBy(auditLog.provider, auditLog.action),
    db
      .select({ provider: events.provider, at: min(events.at) })
      .from(events)
      .where(and(eq(events.leafUserId, leafUserId), eq(events.type, "connection.connected")))
      .groupBy(events.provider),
  ]);
  const byProvider = new Map<string, ProviderProgress>();
  const progress = (provider: string) => {
    const known = byProvider.get(provider) ?? { provider, startedAt: null, connectedAt: null };
    byProvider.set(provider, known);
    return known;
  };
  for (const row of auditRows) {
    if (!row.provider || !row.at) continue;
    const entry = progress(row.provider);
    if (row.action === "consent") entry.startedAt = earliest(entry.startedAt, row.at);
    else entry.connectedAt = earliest(entry.connectedAt, row.at);
  }
  for (const row of eventRows) {
    if (!row.provider || !row.at) continue;
    const entry = progress(row.provider);
    entry.connectedAt = earliest(entry.connectedAt, row.at);
  }
  const list = [...byProvider.values()];
  return {
    reached: {
      invited: first(inviteRows.map((r) => r.at)),
      opened: first(openRows.map((r) => r.at)),
      started: first(list.map((p) => p.startedAt)),
      connected: first(list.map((p) => p.connectedAt)),
    },
    invites: inviteRows.length,
    opens: openRows.length,
    providers: list.sort((a, b) => a.provider.localeCompare(b.provider)),
  };
}

function earliest(a: Date | null, b: Date): Date {
  return a && a < b ? a : b;
}

function first(dates: (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((acc, d) => (d ? earliest(acc, d) : acc), null);
}

/**
 * How many invited growers reached each stage. A later stage counts only growers who were invited, so the
 * bars shrink left to right as a funnel does; a grower who connected has opened and started too.
 */
export async function funnelCounts(): Promise<FunnelCounts> {
  const db = await database();
  const opened = sql`exists (select 1 from ${inviteUses} u join ${invites} i on i.id = u.invite_id
    where i.grower_id = ${growers.id})`;
  const startedAny = sql`exists (select 1 from ${auditLog} a where a.leaf_user_id = ${growers.leafUserId}
    and a.action = 'consent' and a.outcome = 'started')`;
  const connected = sql`(exists (select 1 from ${events} e where e.leaf_user_id = ${growers.leafUserId}
    and e.type = 'connection.connected') or exists (select 1 from ${auditLog} d
    where d.leaf_user_id = ${growers.leafUserId} and d.action = 'deliver' and d.outcome = 'delivered'))`;
  const [row] = await db
    .select({
      invited: sql<number>`count(*)`.mapWith(Number),
      opened: sql<number>`count(*) filter (where ${opened})`.mapWith(Number),
      started: sql<number>`count(*) filter (where ${startedAny})`.mapWith(Number),
      connected: sql<number>`count(*) filter (where ${connected})`.mapWith(Number),
    })
    .from(growers)
    .where(inArray(growers.id, db.selectDistinct({ id: invites.growerId }).from(invites)));
  return row ?? { invited: 0, opened: 0, started: 0, connected: 0 };
}

// The counts take a pass over every invited grower: open dashboards share one count every 15 s.
const remembered = recentlyComputed<FunnelCounts>(15_000, 1);

export function recentFunnelCounts(): Promise<FunnelCounts> {
  return remembered("funnel", funnelCounts);
}
