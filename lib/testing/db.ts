import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { installTestDatabase, openDatabase } from "@/lib/db/client";

/**
 * A fresh in-memory database, installed as the app's database for this test file. It starts from the
 * run's migrated template (./template-database.ts), so it costs a load, not an initdb.
 */
export async function freshDatabase() {
  const handle = await openDatabase({ dir: "memory://", from: new Blob([readFileSync(inject("databaseTemplate"))]) });
  installTestDatabase(handle.db);
  return handle;
}
