import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, installTestDatabase, openDatabase } from "@/lib/db/client";
import { events, webhookDeliveries } from "@/lib/db/schema";
import { recordEvent } from "@/lib/events/record";
import { freePort } from "@/lib/testing/free-port";
import { startPostgres, withoutPostgres } from "@/lib/testing/postgres";
import { claimDueWebhooks } from "./deliveries";
import { createEndpoint } from "./endpoints";

// A real server: on PGlite (one connection) two writers can never interleave.
describe.skipIf(withoutPostgres())("webhook order across instances (needs PostgreSQL installed)", () => {
  let postgres: Awaited<ReturnType<typeof startPostgres>> | undefined;
  let instances: { db: Db; close(): Promise<void> }[] = [];
  beforeAll(async () => {
    process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-webhook-pg-"));
    postgres = await startPostgres(await freePort());
    instances = [await openDatabase({ url: postgres.url }), await openDatabase({ url: postgres.url })];
    installTestDatabase(instances[0]!.db);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.close()));
    await postgres?.stop();
  });

  it("never lets a grower's later event be claimed while an earlier one is still committing", async () => {
    await createEndpoint("staff:test", { url: "http://127.0.0.1:9/hook", eventTypes: ["connection.broken"] });
    const [first, second] = instances as unknown as [{ db: Db }, { db: Db }];
    let commitFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => {
      commitFirst = resolve;
    });
    let firstWritten!: () => void;
    const written = new Promise<void>((resolve) => {
      firstWritten = resolve;
    });
    const firstTx = first.db.transaction(async (tx) => {
      await recordEvent({ type: "connection.broken", leafUserId: "pg-order", provider: "deere" }, tx);
      firstWritten();
      await firstHeld;
    });
    await written;
    let secondDone = false;
    const secondTx = second.db
      .transaction((tx) => recordEvent({ type: "connection.broken", leafUserId: "pg-order", provider: "trimble" }, tx))
      .then(() => {
        secondDone = true;
      });
    await new Promise((r) => setTimeout(r, 300));
    // The second writer waits for the first to commit: it cannot take an id and commit ahead of it.
    expect(secondDone).toBe(false);
    expect(await claimDueWebhooks(10, 60_000, second.db)).toEqual([]);
    commitFirst();
    await Promise.all([firstTx, secondTx]);

    const rows = await first.db.select().from(events).where(eq(events.leafUserId, "pg-order")).orderBy(events.id);
    expect(rows.map((e) => e.provider)).toEqual(["deere", "trimble"]);
    const claimed = await claimDueWebhooks(10, 60_000, second.db);
    expect(claimed.map((d) => d.eventId)).toEqual([rows[0]!.id]);
    const all = await first.db.select().from(webhookDeliveries).orderBy(webhookDeliveries.id);
    expect(all.map((d) => d.eventId)).toEqual(rows.map((e) => e.id));
  });
});
