import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { audit } from "@/lib/audit";
import { signInviteToken, verifyInviteToken } from "@/lib/auth/invite-token";
import { passwordHash } from "@/lib/auth/password-hash";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { type StaffRole, staff, staffInvites } from "@/lib/db/schema";
import { StaffChangeError } from "./errors";
import { normalEmail } from "./members";
import { passwordProblem } from "./password-rules";
import { forgetRemoved } from "./removed";

export const staffInviteLifetimeMs = 72 * 3600 * 1000;

export type StaffInviteView = { email: string; role: StaffRole } | { ended: true };

const joinUrl = (inviteId: string) =>
  `${config().appUrl}/staff/join/${signInviteToken(config().authSecret, inviteId, "staff-invite")}`;

/** Not used, not revoked, not expired: compared with the app's clock, which tests move. */
const open = (inviteId: string) =>
  and(
    eq(staffInvites.id, inviteId),
    isNull(staffInvites.usedAt),
    isNull(staffInvites.revokedAt),
    gt(staffInvites.expiresAt, new Date()),
  );

/** A single-use link for one person to join the staff; an earlier unused link for the same email stops working. */
export async function inviteStaff(
  actor: string,
  rawEmail: string,
  role: StaffRole,
): Promise<{ url: string; expiresAt: Date }> {
  const email = normalEmail(rawEmail);
  const db = await database();
  const expiresAt = new Date(Date.now() + staffInviteLifetimeMs);
  const invite = await db.transaction(async (tx) => {
    const [member] = await tx.select({ id: staff.id }).from(staff).where(eq(staff.email, email)).limit(1);
    if (member) throw new StaffChangeError("already_staff");
    await tx
      .update(staffInvites)
      .set({ revokedAt: new Date() })
      .where(and(eq(staffInvites.email, email), isNull(staffInvites.usedAt), isNull(staffInvites.revokedAt)));
    const [row] = await tx.insert(staffInvites).values({ email, role, invitedBy: actor, expiresAt }).returning();
    return row!;
  });
  await audit({ actor, action: "staff.invite", outcome: "ok", detail: `${email} as ${role}` });
  return { url: joinUrl(invite.id), expiresAt };
}

/** What the join page shows: whose link it is, or that it no longer works. Uses nothing. */
export async function inspectStaffInvite(token: string): Promise<StaffInviteView> {
  const inviteId = verifyInviteToken(config().authSecret, token, "staff-invite");
  if (!inviteId) return { ended: true };
  const db = await database();
  const [row] = await db.select().from(staffInvites).where(open(inviteId)).limit(1);
  return row ? { email: row.email, role: row.role } : { ended: true };
}

/** Uses the link once: the person becomes a member with the invite's role and the password they chose. */
export async function joinStaff(token: string, password: string): Promise<{ email: string }> {
  const problem = passwordProblem(password);
  if (problem) throw new StaffChangeError("weak_password", problem);
  const inviteId = verifyInviteToken(config().authSecret, token, "staff-invite");
  if (!inviteId) throw new StaffChangeError("invite_ended");
  const hashed = await passwordHash.create(password);
  const db = await database();
  const joined = await db.transaction(async (tx) => {
    const [invite] = await tx.update(staffInvites).set({ usedAt: new Date() }).where(open(inviteId)).returning();
    if (!invite) throw new StaffChangeError("invite_ended");
    const [member] = await tx
      .insert(staff)
      .values({ email: invite.email, role: invite.role, passwordHash: hashed })
      .onConflictDoNothing({ target: staff.email })
      .returning();
    if (!member) throw new StaffChangeError("already_staff");
    // An admin invited them again: single sign-on may let them in again too.
    await forgetRemoved(tx, member.email);
    return member;
  });
  await audit({ actor: `staff:${joined.email}`, action: "staff.join", outcome: "ok", detail: joined.role });
  return { email: joined.email };
}
