import { installTestDatabase, openDatabase } from "@/lib/db/client";

/** A fresh in-memory database, installed as the app's database for this test file. */
export async function freshDatabase() {
  const handle = await openDatabase({ dir: "memory://" });
  installTestDatabase(handle.db);
  return handle;
}
