import "server-only";
import { asc, eq } from "drizzle-orm";
import { audit } from "@/lib/audit";
import { endStaffSessions } from "@/lib/auth/sessions";
import { database } from "@/lib/db/client";
import { type StaffRole, staff } from "@/lib/db/schema";
import { StaffChangeError } from "./errors";
import { rememberRemoved } from "./removed";

// Changing someone's role or removing them ends their sessions: a role rides in the session token, and
// this way a stale one (an admin's token after a demotion) cannot outlive the change.

export interface StaffMember {
  id: string;
  email: string;
  role: StaffRole;
  /** False for an SSO-only member. */
  hasPassword: boolean;
}

export const normalEmail = (email: string) => email.trim().toLowerCase();

export async function listStaff(): Promise<StaffMember[]> {
  const db = await database();
  const rows = await db.select().from(staff).orderBy(asc(staff.email));
  return rows.map((row) => ({ id: row.id, email: row.email, role: row.role, hasPassword: row.passwordHash !== null }));
}

/** A member by id (the pages) or by email (the command line). */
export type MemberRef = { id: string } | { email: string };

const matching = (who: MemberRef) => ("id" in who ? eq(staff.id, who.id) : eq(staff.email, normalEmail(who.email)));
const named = (who: MemberRef) => ("id" in who ? who.id : normalEmail(who.email));

type Change = { kind: "role"; role: StaffRole } | { kind: "remove" };

/**
 * Applies one change to a member, refusing to leave the team without an admin. The admin rows are locked
 * first, so two admins demoting each other at once cannot both succeed.
 */
async function applyChange(who: MemberRef, change: Change): Promise<{ email: string; changed: boolean }> {
  const db = await database();
  return db.transaction(async (tx) => {
    const admins = await tx.select({ email: staff.email }).from(staff).where(eq(staff.role, "admin")).for("update");
    const [member] = await tx.select().from(staff).where(matching(who)).limit(1);
    if (!member) throw new StaffChangeError("not_found");
    if (change.kind === "role" && member.role === change.role) return { email: member.email, changed: false };
    if (member.role === "admin" && admins.length <= 1) throw new StaffChangeError("last_admin");
    if (change.kind === "role") await tx.update(staff).set({ role: change.role }).where(eq(staff.id, member.id));
    else {
      await tx.delete(staff).where(eq(staff.id, member.id));
      await rememberRemoved(tx, member.email);
    }
    return { email: member.email, changed: true };
  });
}

/** Runs a change and records it, refused or not; the member's sessions end when it went through. */
async function recordedChange(actor: string, who: MemberRef, change: Change): Promise<void> {
  const action = change.kind === "role" ? "staff.role" : "staff.remove";
  const what = change.kind === "role" ? ` to ${change.role}` : "";
  try {
    const done = await applyChange(who, change);
    if (!done.changed) return;
    const ended = await endStaffSessions(done.email);
    await audit({ actor, action, outcome: "ok", detail: `${done.email}${what}; ${ended} session(s) ended` });
  } catch (error) {
    if (error instanceof StaffChangeError)
      await audit({ actor, action, outcome: `refused_${error.code}`, detail: `${named(who)}${what}` });
    throw error;
  }
}

export const changeStaffRole = (actor: string, who: MemberRef, role: StaffRole) =>
  recordedChange(actor, who, { kind: "role", role });

export const removeStaff = (actor: string, who: MemberRef) => recordedChange(actor, who, { kind: "remove" });
