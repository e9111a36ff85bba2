import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "./client";

// Beside the migrations that the database module applies from the same folder.
const journalFile = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib/db/migrations/meta/_journal.json");
const journal = z.object({ entries: z.array(z.object({ tag: z.string(), when: z.number() })) });

/** The migrations this build ships, by the timestamp drizzle records for each one it applies. */
export function shippedMigrations(file = journalFile): { tag: string; when: number }[] {
  return journal.parse(JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8"))).entries;
}

/**
 * The shipped migrations the database has not applied: empty when this build can serve. Another
 * instance may still be migrating a shared PostgreSQL, or an old one may run against a newer schema.
 */
export async function pendingMigrations(db: Db, shipped = shippedMigrations()): Promise<string[]> {
  const result = await db.execute<{ created_at: string }>(sql`select created_at from drizzle.__drizzle_migrations`);
  // node-postgres answers { rows }, PGlite too; drizzle types both as the driver's own result.
  const rows = (result as unknown as { rows: { created_at: string | number }[] }).rows;
  const applied = new Set(rows.map((r) => Number(r.created_at)));
  return shipped.filter((m) => !applied.has(m.when)).map((m) => m.tag);
}
