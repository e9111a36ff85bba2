import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { ConnectionStatus } from "@/lib/connections/status";
import { database } from "@/lib/db/client";
import { connectionSnapshots, deliveries } from "@/lib/db/schema";
import { type LeafClient, leaf } from "@/lib/leaf";
import { getCredentialStatus, getCredentials } from "@/lib/leaf/credentials";
import { logger } from "@/lib/log";
import { type Provider, providers } from "@/lib/providers";
import { normalizeLeafStatus } from "./status";

export interface ConnectionView {
  provider: string;
  status: ConnectionStatus;
  leafStatus: string | null;
  /** When the status last changed. */
  since: string;
  checkedAt: string;
  problem: string | null;
}

/** Saves what is known now; `since` moves only when the status really changed. */
export async function recordStatus(
  leafUserId: string,
  provider: string,
  status: ConnectionStatus,
  leafStatus: string | null = null,
): Promise<void> {
  const db = await database();
  await db
    .insert(connectionSnapshots)
    .values({ leafUserId, provider, status, leafStatus })
    .onConflictDoUpdate({
      target: [connectionSnapshots.leafUserId, connectionSnapshots.provider],
      set: {
        status,
        leafStatus,
        checkedAt: sql`now()`,
        checkError: null,
        changedAt: sql`case when ${connectionSnapshots.status} = excluded.status
          then ${connectionSnapshots.changedAt} else now() end`,
      },
    });
}

/** Asks Leaf (and our own outbox) where this connection stands. */
async function checkConnection(
  leafUserId: string,
  provider: Provider,
  client: LeafClient = leaf(),
): Promise<{ status: ConnectionStatus; leafStatus: string | null }> {
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
  return { status: normalizeLeafStatus(leafStatus), leafStatus };
}

/** Re-checks one connection; a failed check keeps the last known status and records why. */
export async function refreshSnapshot(
  leafUserId: string,
  provider: Provider,
  client: LeafClient = leaf(),
): Promise<void> {
  try {
    const { status, leafStatus } = await checkConnection(leafUserId, provider, client);
    await recordStatus(leafUserId, provider.id, status, leafStatus);
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

/** Fresh statuses for one grower, straight from Leaf. */
export async function liveConnections(leafUserId: string): Promise<ConnectionView[]> {
  await Promise.all(providers.map((p) => refreshSnapshot(leafUserId, p)));
  return (await readSnapshots([leafUserId])).get(leafUserId) ?? [];
}
