import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { ConnectionStatus } from "@/lib/connections/status";
import { database } from "@/lib/db/client";
import { connectionSnapshots, deliveries } from "@/lib/db/schema";
import { recordTransition } from "@/lib/events/record";
import { type LeafClient, leaf } from "@/lib/leaf";
import { getCredentialStatus, getCredentials } from "@/lib/leaf/credentials";
import { getOrganizations, managementUriOf, sharesNothing } from "@/lib/leaf/organizations";
import { logger } from "@/lib/log";
import { type Provider, providers } from "@/lib/providers";
import { normalizeLeafStatus, withOrganizations } from "./status";

export interface ConnectionView {
  provider: string;
  status: ConnectionStatus;
  leafStatus: string | null;
  /** When the status last changed. */
  since: string;
  checkedAt: string;
  problem: string | null;
  /** The provider's page where the grower chooses organizations, when the credential shares none. */
  managementUri?: string;
}

interface CheckedConnection {
  status: ConnectionStatus;
  leafStatus: string | null;
  managementUri?: string;
}

/** Saves what is known now; `since` moves only when the status really changed. */
export async function recordStatus(
  leafUserId: string,
  provider: string,
  status: ConnectionStatus,
  leafStatus: string | null = null,
  /** For a status read from Leaf: when the read began. A write since then (a disconnect, a delivery) is newer. */
  observedAt?: Date,
): Promise<void> {
  const db = await database();
  // The upsert locks the row and reports the status it replaced, so each concurrent writer sees its own
  // transition and an event is recorded once.
  const [written] = await db
    .insert(connectionSnapshots)
    .values({ leafUserId, provider, status, leafStatus })
    .onConflictDoUpdate({
      target: [connectionSnapshots.leafUserId, connectionSnapshots.provider],
      set: {
        status,
        leafStatus,
        checkedAt: sql`now()`,
        checkError: null,
        previousStatus: sql`${connectionSnapshots.status}`,
        changedAt: sql`case when ${connectionSnapshots.status} = excluded.status
          then ${connectionSnapshots.changedAt} else now() end`,
      },
      ...(observedAt ? { setWhere: sql`${connectionSnapshots.checkedAt} <= ${observedAt}` } : {}),
    })
    .returning({ previous: connectionSnapshots.previousStatus });
  if (!written) return;
  await recordTransition(
    leafUserId,
    provider,
    (written?.previous ?? null) as ConnectionStatus | null,
    status,
    leafStatus,
  );
}

/** Asks Leaf (and our own outbox) where this connection stands. */
export async function checkConnection(
  leafUserId: string,
  provider: Provider,
  client: LeafClient = leaf(),
): Promise<CheckedConnection> {
  const db = await database();
  const [waiting] = await db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.leafUserId, leafUserId), eq(deliveries.provider, provider.id)))
    .limit(1);
  if (waiting) return { status: waiting.state === "failed" ? "error" : "pending", leafStatus: waiting.lastError };
  const credential = await getCredentials(client, leafUserId, provider.leaf.path);
  if (!credential) return { status: "not_connected", leafStatus: null };
  const statusOnly = provider.leaf.statusPath
    ? await getCredentialStatus(client, leafUserId, provider.leaf.statusPath)
    : undefined;
  const leafStatus = statusOnly ?? credential.status ?? null;
  return withSharedOrganizations(leafUserId, provider, client, { status: normalizeLeafStatus(leafStatus), leafStatus });
}

/** Where a provider has organizations, a credential that shares none moves no data whatever Leaf's status says. */
async function withSharedOrganizations(
  leafUserId: string,
  provider: Provider,
  client: LeafClient,
  checked: CheckedConnection,
): Promise<CheckedConnection> {
  const leafName = provider.leaf.organizations;
  // Only the statuses organizations can change are worth the extra call.
  if (!leafName || withOrganizations(checked.status, true) !== "no_organizations") return checked;
  const organizations = await getOrganizations(client, leafUserId, leafName);
  if (!organizations || !sharesNothing(organizations)) return checked;
  return { ...checked, status: "no_organizations", managementUri: managementUriOf(organizations) };
}

/** Re-checks one connection; a failed check keeps the last known status and records why. */
export async function refreshSnapshot(
  leafUserId: string,
  provider: Provider,
  client: LeafClient = leaf(),
): Promise<void> {
  await recheck(leafUserId, provider, client);
}

/** Answers the organization page's link, which is not stored (no column for it): only a fresh check has it. */
async function recheck(leafUserId: string, provider: Provider, client: LeafClient): Promise<string | undefined> {
  try {
    // A sweep's read can land after a disconnect that began later: the older answer must not win.
    const observedAt = new Date();
    const { status, leafStatus, managementUri } = await checkConnection(leafUserId, provider, client);
    await recordStatus(leafUserId, provider.id, status, leafStatus, observedAt);
    return managementUri;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn({ leafUserId, provider: provider.id, reason }, "status check failed");
    const db = await database();
    await db
      .insert(connectionSnapshots)
      .values({ leafUserId, provider: provider.id, status: "error", checkError: reason })
      .onConflictDoUpdate({
        target: [connectionSnapshots.leafUserId, connectionSnapshots.provider],
        set: { checkError: reason, checkedAt: sql`now()` },
      });
  }
}

/** The stored snapshots for some growers, one view per provider (missing means never connected). */
export async function readSnapshots(leafUserIds: string[]): Promise<Map<string, ConnectionView[]>> {
  const db = await database();
  const rows = leafUserIds.length
    ? await db.select().from(connectionSnapshots).where(inArray(connectionSnapshots.leafUserId, leafUserIds))
    : [];
  const byKey = new Map(rows.map((r) => [`${r.leafUserId}/${r.provider}`, r]));
  const epoch = new Date(0).toISOString();
  return new Map(
    leafUserIds.map((id) => [
      id,
      providers.map((p): ConnectionView => {
        const row = byKey.get(`${id}/${p.id}`);
        return {
          provider: p.id,
          status: (row?.status as ConnectionStatus | undefined) ?? "not_connected",
          leafStatus: row?.leafStatus ?? null,
          since: row?.changedAt.toISOString() ?? epoch,
          checkedAt: row?.checkedAt.toISOString() ?? epoch,
          problem: row?.checkError ?? null,
        };
      }),
    ]),
  );
}

/** Fresh statuses for one grower, straight from Leaf, with the organization page's link where one is needed. */
export async function liveConnections(leafUserId: string): Promise<ConnectionView[]> {
  const links = await Promise.all(providers.map((p) => recheck(leafUserId, p, leaf())));
  const views = (await readSnapshots([leafUserId])).get(leafUserId) ?? [];
  return views.map((view, i) =>
    view.status === "no_organizations" && links[i] ? { ...view, managementUri: links[i] } : view,
  );
}
