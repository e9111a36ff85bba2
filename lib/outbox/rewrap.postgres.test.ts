import { randomBytes, randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseKeyring } from "@/lib/crypto/seal";
import { type Db, openDatabase } from "@/lib/db/client";
import { deliveries } from "@/lib/db/schema";
import { freePort } from "@/lib/testing/free-port";
import { startPostgres, withoutPostgres } from "@/lib/testing/postgres";
import { rewrapDeliveries } from "./rewrap";
import { openTokens, sealTokens } from "./sealing";

const key = () => randomBytes(32).toString("base64url");
const [oldKey, newKey] = [`k1:${key()}`, `k2:${key()}`];

// keys:rewrap beside a running worker: two connection pools on one server, as in a deployment.
describe.skipIf(withoutPostgres())("keys:rewrap on PostgreSQL (needs PostgreSQL installed)", () => {
  let postgres: Awaited<ReturnType<typeof startPostgres>> | undefined;
  let app: { db: Db; close(): Promise<void> };
  let script: { db: Db; close(): Promise<void> };
  beforeAll(async () => {
    postgres = await startPostgres(await freePort());
    [app, script] = [await openDatabase({ url: postgres.url }), await openDatabase({ url: postgres.url })];
  }, 60_000);
  afterAll(async () => {
    await Promise.all([app?.close(), script?.close()]);
    await postgres?.stop();
  });

  it("re-seals every row the worker has not delivered meanwhile, and brings none back", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({
      id: randomUUID(),
      leafUserId: `u${i}`,
      provider: "trimble",
      correlationId: `c${i}`,
    }));
    const tokens = { accessToken: "at", refreshToken: "rt" };
    await app.db
      .insert(deliveries)
      .values(rows.map((row) => ({ ...row, ...sealTokens(parseKeyring(oldKey), row, tokens) })));

    // The worker delivers (deletes) every third row while the script runs.
    const delivered = rows.filter((_, i) => i % 3 === 0).map((row) => row.id);
    const [counts] = await Promise.all([
      rewrapDeliveries(script.db, parseKeyring(`${newKey},${oldKey}`)),
      (async () => {
        for (const id of delivered) await app.db.delete(deliveries).where(inArray(deliveries.id, [id]));
      })(),
    ]);

    const left = await app.db.select().from(deliveries);
    expect(left.map((row) => row.id).sort()).toEqual(
      rows
        .map((r) => r.id)
        .filter((id) => !delivered.includes(id))
        .sort(),
    );
    for (const row of left) {
      expect(row.keyId).toBe("k2");
      expect(openTokens(parseKeyring(newKey), row)).toEqual(tokens);
    }
    expect(counts.rewrapped + counts.changed).toBeGreaterThanOrEqual(left.length);
    expect(counts.rewrapped).toBeLessThanOrEqual(rows.length);
  });
});
