import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { sessions, staff, staffInvites } from "@/lib/db/schema";

const root = path.resolve(__dirname, "..");

function staffCli(dataDir: string, ...args: string[]) {
  return spawnSync("npm", ["run", "--silent", "staff", "--", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
    env: {
      NODE_ENV: process.env.NODE_ENV,
      PATH: process.env.PATH,
      HEADLAND_MODE: "sandbox",
      HEADLAND_DATA_DIR: dataDir,
    },
  });
}

describe("npm run staff", () => {
  it("adds by invite link, lists, removes (ending sessions) and keeps the last admin", {
    timeout: 180_000,
  }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "headland-staff-cli-"));
    const seed = await openDatabase({ dir: path.join(dataDir, "pglite") });
    await seed.db.insert(staff).values([
      { email: "boss@headland.test", role: "admin", passwordHash: "x" },
      { email: "ann@headland.test", role: "member", passwordHash: "x" },
    ]);
    await seed.db
      .insert(sessions)
      .values({ sid: crypto.randomUUID(), role: "staff", staffEmail: "ann@headland.test", expiresAt: new Date(2e12) });
    await seed.close();

    const added = staffCli(dataDir, "add", "New@Headland.test", "--admin");
    expect(added.stderr).toBe("");
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(
      /Invite for New@Headland\.test as admin, single use, until \S+:\nhttp:\/\/\S+\/staff\/join\/[0-9a-f-]{36}\.\S+\n/,
    );

    const listed = staffCli(dataDir, "list");
    expect(listed.stdout).toBe("ann@headland.test\tmember\tpassword\nboss@headland.test\tadmin\tpassword\n");

    const removed = staffCli(dataDir, "remove", "ann@headland.test");
    expect(removed.status).toBe(0);
    expect(removed.stdout).toContain("Removed ann@headland.test; their sessions have ended.");

    const lastAdmin = staffCli(dataDir, "remove", "boss@headland.test");
    expect(lastAdmin.status).toBe(1);
    expect(lastAdmin.stderr).toContain("Headland needs at least one admin.");

    const wrong = staffCli(dataDir, "add");
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("Usage: npm run staff --");

    const after = await openDatabase({ dir: path.join(dataDir, "pglite") });
    const [invite] = await after.db.select().from(staffInvites);
    const members = await after.db.select({ email: staff.email }).from(staff);
    const [ended] = await after.db.select().from(sessions);
    await after.close();
    expect(invite).toMatchObject({ email: "new@headland.test", role: "admin", invitedBy: "cli", usedAt: null });
    expect(members.map((m) => m.email)).toEqual(["boss@headland.test"]);
    expect(ended?.endedAt).toBeInstanceOf(Date);
  });
});
