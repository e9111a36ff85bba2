import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { database } from "@/lib/db/client";
import { type StaffRole, staff } from "@/lib/db/schema";
import { passwordHash, staffHashCost } from "./password-hash";
import { endStaffSessions } from "./sessions";

// Compared against when the email is unknown: at the same cost, or the time taken tells which emails
// are staff (cost 10 against 12 answered in a quarter of the time). Hashed in the background at start.
const decoyHash = passwordHash.create(randomBytes(16).toString("base64url"));

export async function verifyStaffPassword(
  email: string,
  password: string,
): Promise<{ id: string; email: string } | undefined> {
  const db = await database();
  const [row] = await db.select().from(staff).where(eq(staff.email, email.trim().toLowerCase())).limit(1);
  const ok = await passwordHash.matches(password, row?.passwordHash ?? (await decoyHash));
  return row && ok ? { id: row.id, email: row.email } : undefined;
}

/**
 * Creates the configured staff account, or updates its password at start, ending every session the old
 * password opened.
 */
export async function ensureStaffAccount(account: { email: string; password: string }): Promise<void> {
  const db = await database();
  const [existing] = await db.select().from(staff).where(eq(staff.email, account.email)).limit(1);
  const stored = existing?.passwordHash ?? null;
  const samePassword = stored !== null && (await passwordHash.matches(account.password, stored));
  if (stored && samePassword && passwordHash.costOf(stored) === staffHashCost) return;
  const hashed = await passwordHash.create(account.password);
  await db
    .insert(staff)
    // The environment's account is the deployment's first admin.
    .values({ email: account.email, passwordHash: hashed, role: "admin" })
    .onConflictDoUpdate({ target: staff.email, set: { passwordHash: hashed, role: "admin" } });
  if (existing && !samePassword) await endStaffSessions(account.email);
}

/** The member's role now, from the database; undefined when they are not (or no longer) staff. */
export async function staffRoleOf(email: string): Promise<StaffRole | undefined> {
  const db = await database();
  const [row] = await db
    .select({ role: staff.role })
    .from(staff)
    .where(eq(staff.email, email.trim().toLowerCase()))
    .limit(1);
  return row?.role;
}
