import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sessionIsLive, startSession } from "@/lib/auth/sessions";
import { resetConfigForTests } from "@/lib/config";
import { auditLog, staff } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { changeStaffRole, listStaff, removeStaff } from "./members";

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-members-"));
  resetConfigForTests();
  database = await freshDatabase();
}, 60_000);
afterAll(() => database.close());

beforeEach(async () => {
  await database.db.delete(staff);
  await database.db.insert(staff).values([
    { email: "boss@headland.test", role: "admin", passwordHash: "x" },
    { email: "ann@headland.test", role: "member", passwordHash: "x" },
  ]);
});

const idOf = async (email: string) => (await database.db.select().from(staff).where(eq(staff.email, email)))[0]!.id;
const roleOf = async (email: string) => (await database.db.select().from(staff).where(eq(staff.email, email)))[0]?.role;
const lastAudit = async () => (await database.db.select().from(auditLog).orderBy(auditLog.id)).at(-1);

describe("the staff team", () => {
  it("lists members with their role and whether they have a password", async () => {
    expect(await listStaff()).toEqual([
      expect.objectContaining({ email: "ann@headland.test", role: "member", hasPassword: true }),
      expect.objectContaining({ email: "boss@headland.test", role: "admin", hasPassword: true }),
    ]);
  });

  it("a role change ends the member's sessions at once, so an old role cannot ride on in a token", async () => {
    const session = await startSession({ role: "staff", email: "ann@headland.test" });
    const token = { sid: session.sid, sessionExpiresAt: session.expiresAt };
    expect(await sessionIsLive(token)).toBe(true);
    await changeStaffRole("staff:boss@headland.test", { id: await idOf("ann@headland.test") }, "admin");
    expect(await roleOf("ann@headland.test")).toBe("admin");
    expect(await sessionIsLive(token)).toBe(false);
    expect(await lastAudit()).toMatchObject({
      actor: "staff:boss@headland.test",
      action: "staff.role",
      outcome: "ok",
      detail: "ann@headland.test to admin; 1 session(s) ended",
    });
  });

  it("removing a member deletes them and ends their sessions at once", async () => {
    const session = await startSession({ role: "staff", email: "ann@headland.test" });
    await removeStaff("cli", { email: " Ann@Headland.test" });
    expect(await roleOf("ann@headland.test")).toBeUndefined();
    expect(await sessionIsLive({ sid: session.sid, sessionExpiresAt: session.expiresAt })).toBe(false);
    expect(await lastAudit()).toMatchObject({ actor: "cli", action: "staff.remove", outcome: "ok" });
  });

  it("the last admin can be neither demoted nor removed, and the refusal is audited", async () => {
    const boss = { id: await idOf("boss@headland.test") };
    await expect(changeStaffRole("staff:boss@headland.test", boss, "member")).rejects.toMatchObject({
      code: "last_admin",
      status: 409,
    });
    await expect(removeStaff("staff:boss@headland.test", boss)).rejects.toMatchObject({ code: "last_admin" });
    expect(await roleOf("boss@headland.test")).toBe("admin");
    expect(await lastAudit()).toMatchObject({ action: "staff.remove", outcome: "refused_last_admin" });
  });

  it("with a second admin, an admin may step down", async () => {
    await changeStaffRole("cli", { email: "ann@headland.test" }, "admin");
    await changeStaffRole("staff:boss@headland.test", { email: "boss@headland.test" }, "member");
    expect(await roleOf("boss@headland.test")).toBe("member");
  });

  it("two admins demoting each other at once leave one admin, not none", async () => {
    await changeStaffRole("cli", { email: "ann@headland.test" }, "admin");
    const outcomes = await Promise.allSettled([
      changeStaffRole("staff:ann@headland.test", { email: "boss@headland.test" }, "member"),
      changeStaffRole("staff:boss@headland.test", { email: "ann@headland.test" }, "member"),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const admins = await database.db.select().from(staff).where(eq(staff.role, "admin"));
    expect(admins).toHaveLength(1);
  });

  it("an unknown member is a plain not-found", async () => {
    await expect(removeStaff("cli", { email: "nobody@headland.test" })).rejects.toMatchObject({
      code: "not_found",
      status: 404,
    });
  });
});
