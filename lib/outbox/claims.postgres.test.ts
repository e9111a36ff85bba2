import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "@/lib/db/client";
import { deliveries } from "@/lib/db/schema";
import { freePort } from "@/lib/testing/free-port";
import { startPostgres, withoutPostgres } from "@/lib/testing/postgres";
import { claimDueDeliveries, type Delivery } from "./deliveries";

// A real server: PGlite, one connection in one process, cannot show two instances' pools racing for rows.
describe.skipIf(withoutPostgres())("delivery claims (needs PostgreSQL installed)", () => {
  // Two app instances = two connection pools on one PostgreSQL server.
  let postgres: Awaited<ReturnType<typeof startPostgres>> | undefined;
  let instances: { db: Db; close(): Promise<void> }[] = [];
  beforeAll(async () => {
    postgres = await startPostgres(await freePort());
    instances = [await openDatabase({ url: postgres.url }), await openDatabase({ url: postgres.url })];
  }, 60_000);
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.close()));
    await postgres?.stop();
  });

  it("never hand the same row to two instances at once", async () => {
    const total = 200;
    await instances[0]!.db.insert(deliveries).values(
      Array.from({ length: total }, (_, i) => ({
        id: randomUUID(),
        leafUserId: `u${i}`,
        provider: "trimble",
        keyId: "k1",
        sealed: "x",
        correlationId: `c${i}`,
        nextAttemptAt: new Date(0),
      })),
    );
    const claimed: Delivery[][] = [[], []];
    // Each instance runs several claimers at once, as a busy worker would.
    await Promise.all(
      instances.flatMap((instance, n) =>
        Array.from({ length: 4 }, async () => {
          for (;;) {
            const batch = await claimDueDeliveries(7, instance.db);
            if (batch.length === 0) return;
            claimed[n]!.push(...batch);
          }
        }),
      ),
    );
    const ids = claimed.flat().map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(total);
    expect(claimed[0]!.length).toBeGreaterThan(0);
    expect(claimed[1]!.length).toBeGreaterThan(0);
  });
});
