import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { isCurrent, type Keyring, open, seal } from "@/lib/crypto/seal";
import type { Db } from "@/lib/db/client";
import { deliveries } from "@/lib/db/schema";
import { deliveryBinding } from "./sealing";

export interface RewrapCounts {
  /** Sealed again under the first key, with the full binding. */
  rewrapped: number;
  /** Already under the first key with the full binding. */
  current: number;
  /** No configured key opens them; left as they are (the worker marks them failed). */
  unopenable: number;
  /** Delivered, dropped or rewrapped by someone else between reading and writing: run again to be sure. */
  changed: number;
}

/**
 * Seals every waiting token set again under the first key of the keyring, so an older key can be
 * dropped. Each row is one UPDATE conditional on the key and value it read, so it can run beside the
 * worker: a row delivered or changed meanwhile is left to whoever changed it. The outbox holds only
 * undelivered token sets, so reading them all at once stays small.
 */
export async function rewrapDeliveries(db: Db, keyring: Keyring): Promise<RewrapCounts> {
  const counts: RewrapCounts = { rewrapped: 0, current: 0, unopenable: 0, changed: 0 };
  const rows = await db.select().from(deliveries);
  for (const row of rows) {
    if (isCurrent(keyring, row.keyId, row.sealed)) {
      counts.current++;
      continue;
    }
    let plaintext: string;
    try {
      plaintext = open(keyring, deliveryBinding(row), row.keyId, row.sealed);
    } catch {
      counts.unopenable++;
      continue;
    }
    const { keyId, sealed } = seal(keyring, deliveryBinding(row), plaintext);
    const updated = await db
      .update(deliveries)
      .set({ keyId, sealed })
      .where(and(eq(deliveries.id, row.id), eq(deliveries.keyId, row.keyId), eq(deliveries.sealed, row.sealed)))
      .returning({ id: deliveries.id });
    if (updated.length === 1) counts.rewrapped++;
    else counts.changed++;
  }
  return counts;
}

/** How many waiting rows each key other than the first still seals: the keys not yet safe to drop. */
export async function rowsUnderOlderKeys(db: Db, keyring: Keyring): Promise<Map<string, number>> {
  const rows = await db
    .select({ keyId: deliveries.keyId })
    .from(deliveries)
    .where(ne(deliveries.keyId, keyring.current.id));
  const byKey = new Map<string, number>();
  for (const { keyId } of rows) byKey.set(keyId, (byKey.get(keyId) ?? 0) + 1);
  return byKey;
}
