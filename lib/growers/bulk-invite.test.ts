import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redeemInvite } from "@/lib/auth/invites";
import { auditLog, connectionSnapshots, growers } from "@/lib/db/schema";
import { growerLocale, rememberGrowerLocale } from "@/lib/i18n/grower-locale";
import { freshDatabase } from "@/lib/testing/db";
import { bulkInvite, growersNeedingReconnect, invitesCsv } from "./bulk-invite";
import { sendNewInvite } from "./send-new-invite";

let handle: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-bulk-invite-"));
  handle = await freshDatabase();
  await handle.db.insert(growers).values([
    { leafUserId: "leaf-bo", name: "Bo", email: "bo@farm.test" },
    { leafUserId: "leaf-ada", name: "Ada", email: "ada@farm.test" },
    { leafUserId: "leaf-cy", name: "Cy", email: "cy@farm.test" },
  ]);
  await handle.db.insert(connectionSnapshots).values([
    { leafUserId: "leaf-bo", provider: "john-deere", status: "reauth" },
    { leafUserId: "leaf-ada", provider: "john-deere", status: "reauth" },
    { leafUserId: "leaf-cy", provider: "john-deere", status: "ok" },
    { leafUserId: "leaf-cy", provider: "trimble", status: "reauth" },
  ]);
}, 60_000);
afterAll(() => handle.close());

const token = (url: string) => url.split("/invite/")[1]!;

describe("growersNeedingReconnect", () => {
  it("finds, by name, the growers whose connection to that provider needs reconnecting", async () => {
    expect(await growersNeedingReconnect("john-deere")).toEqual([
      { leafUserId: "leaf-ada", name: "Ada" },
      { leafUserId: "leaf-bo", name: "Bo" },
    ]);
  });
});

describe("bulkInvite", () => {
  it("writes the invites in the language staff chose, and leaves each grower's own without a choice", async () => {
    await rememberGrowerLocale("leaf-cy", "pt-BR");
    await bulkInvite(["leaf-bo"], "staff:test", false, "es");
    await bulkInvite(["leaf-cy"], "staff:test", false);
    expect(await growerLocale("leaf-bo")).toBe("es");
    expect(await growerLocale("leaf-cy")).toBe("pt-BR");
  });

  it("issues each grower a new link that works while the old one stops, and audits each and the batch", async () => {
    const old = await sendNewInvite("leaf-ada", "staff:test");
    const result = await bulkInvite(["leaf-ada", "leaf-bo", "leaf-ada", "leaf-gone"], "staff:ann@partner.test", false);
    expect(result.lines.map((l) => l.name)).toEqual(["Ada", "Bo"]);
    expect(result.unknown).toBe(1);
    expect(await redeemInvite(token(old!.url), "test")).toBeUndefined();
    expect((await redeemInvite(token(result.lines[0]!.link), "test"))?.leafUserId).toBe("leaf-ada");

    const trail = await handle.db.select().from(auditLog).where(eq(auditLog.actor, "staff:ann@partner.test"));
    expect(
      trail
        .filter((r) => r.action === "invite")
        .map((r) => r.leafUserId)
        .sort(),
    ).toEqual(["leaf-ada", "leaf-bo"]);
    expect(trail.find((r) => r.action === "bulk_invite")?.detail).toBe("2 new links");
    // The links are the growers' secrets: the trail never holds one.
    expect(JSON.stringify(trail)).not.toContain("/invite/");
  });
});

describe("invitesCsv", () => {
  it("writes name, email, link and emailed, quoting commas and quotes, and defusing formulas", () => {
    const csv = invitesCsv([
      { name: 'Ada "Farms", Inc', email: "ada@farm.test", link: "http://x/invite/a", emailed: true },
      { name: "=HYPERLINK(1)", email: "b@farm.test", link: "http://x/invite/b", emailed: false },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "name,email,link,emailed",
      '"Ada ""Farms"", Inc",ada@farm.test,http://x/invite/a,yes',
      "'=HYPERLINK(1),b@farm.test,http://x/invite/b,no",
      "",
    ]);
  });
});
