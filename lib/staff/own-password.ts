import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import { audit } from "@/lib/audit";
import { passwordHash } from "@/lib/auth/password-hash";
import { verifyStaffPassword } from "@/lib/auth/staff";
import { database } from "@/lib/db/client";
import { sessions, staff } from "@/lib/db/schema";
import { StaffChangeError } from "./errors";
import { passwordProblem } from "./password-rules";

/**
 * A member changes their own password, proving the current one; every other sign-in of theirs ends (a
 * stolen session does not survive the change), this one stays.
 */
export async function changeOwnPassword(
  who: { email: string; sid: string },
  current: string,
  next: string,
): Promise<void> {
  const problem = passwordProblem(next);
  if (problem) throw new StaffChangeError("weak_password", problem);
  if (!(await verifyStaffPassword(who.email, current))) {
    await audit({ actor: `staff:${who.email}`, action: "staff.password", outcome: "refused_wrong_password" });
    throw new StaffChangeError("wrong_password");
  }
  const hashed = await passwordHash.create(next);
  const db = await database();
  await db.update(staff).set({ passwordHash: hashed }).where(eq(staff.email, who.email));
  const ended = await db
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.staffEmail, who.email), ne(sessions.sid, who.sid), isNull(sessions.endedAt)))
    .returning({ sid: sessions.sid });
  await audit({
    actor: `staff:${who.email}`,
    action: "staff.password",
    outcome: "ok",
    detail: `${ended.length} other session(s) ended`,
  });
}
