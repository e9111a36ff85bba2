import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { config } from "@/lib/config";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenDatabase {
  db: Db;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tar, which `openDatabase({ dir, from })` starts from. */
  dumpDataDir(): Promise<Blob>;
}

const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");
/** Any fixed number, the same in every instance: PostgreSQL's advisory lock key for migrating. */
const migrationLock = 4_815_162_342;

/**
 * A migrated database: node-postgres when DATABASE_URL is set (how several instances share one store),
 * otherwise PGlite, the same PostgreSQL compiled to WASM, in a directory or in memory ("memory://").
 */
export async function openDatabase(target: { url: string } | { dir: string; from?: Blob }): Promise<OpenDatabase> {
  if ("url" in target) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    const pool = new Pool({ connectionString: target.url, max: 10 });
    // Instances started together would race through the same migrations (and one fail on a duplicate
    // table): each takes a lock first, so the others wait, then find nothing left to apply.
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [migrationLock]);
      await migrate(drizzle(client, { schema }), { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [migrationLock]).catch(() => undefined);
      client.release();
    }
    const db = drizzle(pool, { schema });
    return {
      db: db as unknown as Db,
      close: () => pool.end(),
      dumpDataDir: () => Promise.reject(new Error("only a PGlite database can be dumped")),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  // PGlite creates its own directory but not the folders above it: a real deployment's empty data
  // folder (nothing generated sandbox secrets into it) must still start.
  if (!target.dir.startsWith("memory://")) mkdirSync(path.dirname(target.dir), { recursive: true });
  // PGlite ships contrib extensions separately; PostgreSQL servers have pg_trgm built in.
  // A dump (`from`) skips initdb and any migration it already holds.
  const client = new PGlite(target.dir, { extensions: { pg_trgm }, loadDataDir: target.from });
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return { db: db as unknown as Db, close: () => client.close(), dumpDataDir: () => client.dumpDataDir("none") };
}

// Next may load this module more than once (route bundles, instrumentation); PGlite's directory can
// only be opened once per process, so the handle lives on globalThis.
const holder = globalThis as typeof globalThis & { __headlandDb?: Promise<Db> };

export function database(): Promise<Db> {
  holder.__headlandDb ??= (async () => {
    const cfg = config();
    const target = cfg.databaseUrl ? { url: cfg.databaseUrl } : { dir: path.join(cfg.dataDir, "pglite") };
    return (await openDatabase(target)).db;
  })();
  return holder.__headlandDb;
}

/** A command-line script opens the database itself (and closes it): every module's database() gets that handle. */
export function adoptDatabase(db: Db): void {
  holder.__headlandDb = Promise.resolve(db);
}

/** Tests install their own (in-memory) database. */
export function installTestDatabase(db: Db): void {
  holder.__headlandDb = Promise.resolve(db);
}
