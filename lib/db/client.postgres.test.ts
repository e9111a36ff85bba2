import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/testing/free-port";
import { startPostgres, withoutPostgres } from "@/lib/testing/postgres";
import { openDatabase } from "./client";
import { pendingMigrations } from "./readiness";

describe.skipIf(withoutPostgres())("instances starting together on one PostgreSQL (needs PostgreSQL installed)", () => {
  let postgres: Awaited<ReturnType<typeof startPostgres>> | undefined;
  beforeAll(async () => {
    postgres = await startPostgres(await freePort());
  }, 60_000);
  afterAll(() => postgres?.stop());

  it("all open an empty database at once: one migrates, the others wait for it", async () => {
    const instances = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ url: postgres!.url })));
    for (const { db } of instances) expect(await pendingMigrations(db)).toEqual([]);
    await Promise.all(instances.map((i) => i.close()));
  });
});
