import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { appState } from "@/lib/db/schema";

// Single sign-on makes anyone from an allowed domain staff on first sign-in, so a removed member would
// come straight back. Removal is remembered here until an admin invites that person again.
const key = "staff.removed";

type Tx = Pick<Db, "select" | "insert" | "update">;

async function removedEmails(db: Tx): Promise<string[]> {
  const [row] = await db.select({ value: appState.value }).from(appState).where(eq(appState.key, key)).limit(1);
  return Array.isArray(row?.value) ? (row.value as string[]) : [];
}

async function writeRemoved(db: Tx, emails: string[]): Promise<void> {
  await db
    .insert(appState)
    .values({ key, value: emails })
    .onConflictDoUpdate({ target: appState.key, set: { value: emails, updatedAt: sql`now()` } });
}

export async function rememberRemoved(db: Tx, email: string): Promise<void> {
  const emails = await removedEmails(db);
  if (!emails.includes(email)) await writeRemoved(db, [...emails, email]);
}

export async function forgetRemoved(db: Tx, email: string): Promise<void> {
  const emails = await removedEmails(db);
  if (emails.includes(email))
    await writeRemoved(
      db,
      emails.filter((e) => e !== email),
    );
}

export async function wasRemoved(db: Tx, email: string): Promise<boolean> {
  return (await removedEmails(db)).includes(email);
}
