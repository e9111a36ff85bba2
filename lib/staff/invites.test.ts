import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { signInviteToken } from "@/lib/auth/invite-token";
import { verifyStaffPassword } from "@/lib/auth/staff";
import { config, resetConfigForTests } from "@/lib/config";
import { auditLog, staff } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { inspectStaffInvite, inviteStaff, joinStaff, staffInviteLifetimeMs } from "./invites";

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-staff-invites-"));
  resetConfigForTests();
  database = await freshDatabase();
}, 60_000);
afterAll(() => database.close());
afterEach(() => vi.useRealTimers());

const tokenOf = (url: string) => url.split("/staff/join/")[1]!;
const goodPassword = "north field after rain";

describe("staff invite links", () => {
  it("name the person, work once, and make them a member with the invite's role and their password", async () => {
    const invite = await inviteStaff("staff:boss@headland.test", "Joe@Headland.test", "admin");
    expect(invite.url.startsWith(`${config().appUrl}/staff/join/`)).toBe(true);
    expect(invite.expiresAt.getTime() - Date.now()).toBeGreaterThan(staffInviteLifetimeMs - 60_000);
    const token = tokenOf(invite.url);
    expect(await inspectStaffInvite(token)).toEqual({ email: "joe@headland.test", role: "admin" });

    await expect(joinStaff(token, "password1234")).rejects.toMatchObject({ code: "weak_password", status: 400 });
    expect(await joinStaff(token, goodPassword)).toEqual({ email: "joe@headland.test" });
    const [joe] = await database.db.select().from(staff).where(eq(staff.email, "joe@headland.test"));
    expect(joe?.role).toBe("admin");
    expect(await verifyStaffPassword("joe@headland.test", goodPassword)).toBeTruthy();

    expect(await inspectStaffInvite(token)).toEqual({ ended: true });
    await expect(joinStaff(token, "another fine passphrase")).rejects.toMatchObject({ code: "invite_ended" });
    const actions = (await database.db.select().from(auditLog)).map((row) => `${row.action} ${row.outcome}`);
    expect(actions).toEqual(expect.arrayContaining(["staff.invite ok", "staff.join ok"]));
  });

  it("stop working after 72 hours", async () => {
    const invite = await inviteStaff("cli", "late@headland.test", "member");
    vi.useFakeTimers({ now: Date.now() + staffInviteLifetimeMs + 1000, toFake: ["Date"] });
    expect(await inspectStaffInvite(tokenOf(invite.url))).toEqual({ ended: true });
    await expect(joinStaff(tokenOf(invite.url), goodPassword)).rejects.toMatchObject({ code: "invite_ended" });
  });

  it("a newer link for the same email replaces the older one", async () => {
    const first = await inviteStaff("cli", "twice@headland.test", "member");
    const second = await inviteStaff("cli", "twice@headland.test", "member");
    expect(await inspectStaffInvite(tokenOf(first.url))).toEqual({ ended: true });
    expect(await inspectStaffInvite(tokenOf(second.url))).toMatchObject({ email: "twice@headland.test" });
  });

  it("cannot be made for someone already on the staff", async () => {
    await database.db.insert(staff).values({ email: "here@headland.test", role: "member" });
    await expect(inviteStaff("cli", "HERE@headland.test", "admin")).rejects.toMatchObject({ code: "already_staff" });
  });

  it("a grower's invite token, or a tampered one, is not a staff invite", async () => {
    const invite = await inviteStaff("cli", "grower-swap@headland.test", "admin");
    const [id] = tokenOf(invite.url).split(".");
    const growerStyle = signInviteToken(config().authSecret, id!, "invite");
    expect(await inspectStaffInvite(growerStyle)).toEqual({ ended: true });
    await expect(joinStaff(growerStyle, goodPassword)).rejects.toMatchObject({ code: "invite_ended" });
    await expect(joinStaff(`${tokenOf(invite.url)}x`, goodPassword)).rejects.toMatchObject({ code: "invite_ended" });
  });
});
