import "server-only";
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { database } from "@/lib/db/client";
import { staff } from "@/lib/db/schema";

// A hash to compare against when the email is unknown, so timing does not reveal which emails exist.
const decoyHash = bcrypt.hashSync("not-a-real-password", 10);

export async function verifyStaffPassword(
  email: string,
  password: string,
): Promise<{ id: string; email: string } | undefined> {
  const db = await database();
  const [row] = await db.select().from(staff).where(eq(staff.email, email.trim().toLowerCase())).limit(1);
  const ok = await bcrypt.compare(password, row?.passwordHash ?? decoyHash);
  return row && ok ? { id: row.id, email: row.email } : undefined;
}

/** Creates the configured staff account, or updates its password, at start. */
export async function ensureStaffAccount(account: { email: string; password: string }): Promise<void> {
  const db = await database();
  const [existing] = await db.select().from(staff).where(eq(staff.email, account.email)).limit(1);
  if (existing && (await bcrypt.compare(account.password, existing.passwordHash))) return;
  const passwordHash = await bcrypt.hash(account.password, 12);
  await db
    .insert(staff)
    .values({ email: account.email, passwordHash })
    .onConflictDoUpdate({ target: staff.email, set: { passwordHash } });
}
