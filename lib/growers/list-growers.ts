import "server-only";
import { asc } from "drizzle-orm";
import { database } from "@/lib/db/client";
import { growers } from "@/lib/db/schema";
import { readSnapshots, refreshSnapshot } from "@/lib/connections/snapshots";
import { providers } from "@/lib/providers";

const staleAfterMs = 30_000;

/** Every grower with their three statuses; snapshots older than 30 s are re-checked first. */
export async function growersWithStatus() {
  const db = await database();
  const rows = await db.select().from(growers).orderBy(asc(growers.name));
  const ids = rows.map((g) => g.leafUserId);
  const before = await readSnapshots(ids);
  const stale = ids.flatMap((id) => providers.filter((p) => {
    const view = before.get(id)?.find((v) => v.provider === p.id);
    return !view || Date.now() - Date.parse(view.checkedAt) > staleAfterMs;
  }).map((p) => () => refreshSnapshot(id, p)));
  for (let i = 0; i < stale.length; i += 6) await Promise.all(stale.slice(i, i + 6).map((check) => check()));
  const snapshots = stale.length ? await readSnapshots(ids) : before;
  return rows.map((g) => ({ ...g, connections: snapshots.get(g.leafUserId) ?? [] }));
}
