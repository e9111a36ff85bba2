import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "@/lib/testing/db";
import { pendingMigrations, shippedMigrations } from "./readiness";

describe("pendingMigrations", () => {
  it("is empty for a database migrated by this build", async () => {
    const { db, close } = await freshDatabase();
    expect(shippedMigrations().length).toBeGreaterThan(5);
    expect(await pendingMigrations(db)).toEqual([]);
    await close();
  });

  it("names the migrations a database lacks (an older build left it, or another instance is migrating)", async () => {
    const { db, close } = await freshDatabase();
    const [last] = shippedMigrations().slice(-1);
    await db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = ${last!.when}`);
    expect(await pendingMigrations(db)).toEqual([last!.tag]);
    await close();
  });

  it("fails, rather than answering ready, when the database has never been migrated", async () => {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = new PGlite("memory://");
    await expect(pendingMigrations(drizzle(client) as never)).rejects.toThrow();
    await client.close();
  });
});
