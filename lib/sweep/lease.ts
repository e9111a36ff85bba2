import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { database } from "@/lib/db/client";
import { jobLeases } from "@/lib/db/schema";

// A lease row rather than an advisory lock: it works the same on PGlite and on a PostgreSQL pool
// (where a session lock would be tied to whichever pooled connection took it), and it expires by
// itself if its holder dies mid-job.

const expiry = (ttlMs: number) => sql`now() + ${`${ttlMs} milliseconds`}::interval`;

/** Takes the lease if it is free, expired or already ours. */
export async function acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
  const db = await database();
  const taken = await db
    .insert(jobLeases)
    .values({ name, holder, expiresAt: expiry(ttlMs) })
    .onConflictDoUpdate({
      target: jobLeases.name,
      set: { holder, expiresAt: expiry(ttlMs) },
      setWhere: sql`${jobLeases.expiresAt} < now() or ${jobLeases.holder} = ${holder}`,
    })
    .returning({ holder: jobLeases.holder });
  return taken.length === 1;
}

/** Extends a lease we hold; false means another instance took it over after it expired. */
export async function renewLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
  const db = await database();
  const renewed = await db
    .update(jobLeases)
    .set({ expiresAt: expiry(ttlMs) })
    .where(and(eq(jobLeases.name, name), eq(jobLeases.holder, holder)))
    .returning({ holder: jobLeases.holder });
  return renewed.length === 1;
}

export async function releaseLease(name: string, holder: string): Promise<void> {
  const db = await database();
  await db.delete(jobLeases).where(and(eq(jobLeases.name, name), eq(jobLeases.holder, holder)));
}
