import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionIsLive, startSession } from "@/lib/auth/sessions";
import { ensureStaffAccount, verifyStaffPassword } from "@/lib/auth/staff";
import { resetConfigForTests } from "@/lib/config";
import { freshDatabase } from "@/lib/testing/db";
import { changeOwnPassword } from "./own-password";

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-own-password-"));
  resetConfigForTests();
  database = await freshDatabase();
  await ensureStaffAccount({ email: "me@headland.test", password: "the old passphrase" });
}, 60_000);
afterAll(() => database.close());

const live = (s: { sid: string; expiresAt: number }) => sessionIsLive({ sid: s.sid, sessionExpiresAt: s.expiresAt });

describe("changing one's own password", () => {
  it("needs the current password and a new one that passes the rules", async () => {
    const here = await startSession({ role: "staff", email: "me@headland.test" });
    const me = { email: "me@headland.test", sid: here.sid };
    await expect(changeOwnPassword(me, "a wrong guess!", "a brand new passphrase")).rejects.toMatchObject({
      code: "wrong_password",
    });
    await expect(changeOwnPassword(me, "the old passphrase", "short")).rejects.toMatchObject({
      code: "weak_password",
      sentence: "Use at least 12 characters.",
    });
    expect(await verifyStaffPassword("me@headland.test", "the old passphrase")).toBeTruthy();
  });

  it("ends every other session of the member and keeps this one", async () => {
    const here = await startSession({ role: "staff", email: "me@headland.test" });
    const elsewhere = await startSession({ role: "staff", email: "me@headland.test" });
    await changeOwnPassword({ email: "me@headland.test", sid: here.sid }, "the old passphrase", "a brand new one!");
    expect(await live(here)).toBe(true);
    expect(await live(elsewhere)).toBe(false);
    expect(await verifyStaffPassword("me@headland.test", "a brand new one!")).toBeTruthy();
    expect(await verifyStaffPassword("me@headland.test", "the old passphrase")).toBeUndefined();
  });
});
