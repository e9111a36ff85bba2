import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { growers } from "@/lib/db/schema";
import { listEvents } from "@/lib/events/list";
import { freshDatabase } from "@/lib/testing/db";
import { inspectInvite, inviteSummary, issueInvite, redeemInvite } from "./invites";

let close: () => Promise<void>;
let growerId: string;
const tokenOf = (url: string) => decodeURIComponent(url.split("/invite/")[1]!);

beforeAll(async () => {
  // Sandbox configuration, with its generated secrets kept out of the checkout.
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-invites-"));
  process.env.HEADLAND_MODE ??= "sandbox";
  const handle = await freshDatabase();
  close = () => handle.close();
  const [grower] = await handle.db
    .insert(growers)
    .values({ leafUserId: "leaf-invite-1", name: "Ada", email: "ada@farm.test" })
    .returning();
  growerId = grower!.id;
});
afterAll(() => close());
afterEach(() => vi.useRealTimers());

describe("invites", () => {
  it("sign the grower in for 7 days, then no longer", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-01T12:00:00Z") });
    const { url } = await issueInvite(growerId, "staff:test");
    vi.setSystemTime(new Date("2026-03-08T11:59:00Z"));
    expect((await redeemInvite(tokenOf(url), "Chrome"))?.leafUserId).toBe("leaf-invite-1");
    vi.setSystemTime(new Date("2026-03-08T12:00:01Z"));
    expect(await redeemInvite(tokenOf(url), "Chrome")).toBeUndefined();
    expect(await inspectInvite(tokenOf(url))).toEqual({ ended: "expired" });
  });

  it("stop working for every earlier link once a new one is issued", async () => {
    const first = await issueInvite(growerId, "staff:test");
    const second = await issueInvite(growerId, "staff:test");
    expect(await redeemInvite(tokenOf(first.url), "Chrome")).toBeUndefined();
    expect(await inspectInvite(tokenOf(first.url))).toEqual({ ended: "revoked" });
    expect((await redeemInvite(tokenOf(second.url), "Chrome"))?.leafUserId).toBe("leaf-invite-1");
  });

  it("sign in 3 times by default, and a 4th confirmation is refused", async () => {
    const { url } = await issueInvite(growerId, "staff:test");
    for (let use = 1; use <= 3; use++) expect(await redeemInvite(tokenOf(url), "Chrome"), `use ${use}`).toBeDefined();
    expect(await redeemInvite(tokenOf(url), "Chrome")).toBeUndefined();
    expect(await inspectInvite(tokenOf(url))).toEqual({ ended: "used_up" });
  });

  it("never sign in more often than staff allowed, however many confirmations race", async () => {
    const { url } = await issueInvite(growerId, "staff:test", 2);
    const results = await Promise.all(Array.from({ length: 8 }, () => redeemInvite(tokenOf(url), "Firefox")));
    expect(results.filter(Boolean)).toHaveLength(2);
    expect((await inviteSummary(growerId))?.uses).toBe(2);
  });

  it("are only looked at, not used, when the landing page names the grower", async () => {
    const { url } = await issueInvite(growerId, "staff:test", 1);
    for (let look = 0; look < 3; look++)
      expect((await inspectInvite(tokenOf(url))).grower).toMatchObject({ name: "Ada", email: "ada@farm.test" });
    expect((await inviteSummary(growerId))?.uses).toBe(0);
    expect(await redeemInvite(tokenOf(url), "Chrome")).toBeDefined();
  });

  it("record each use with its client for staff, and hide the link once it is used up", async () => {
    const { url } = await issueInvite(growerId, "staff:test", 2);
    await redeemInvite(tokenOf(url), "Safari on iPhone");
    const midway = await inviteSummary(growerId);
    expect(midway).toMatchObject({ uses: 1, maxUses: 2, url });
    expect(midway?.history.map((use) => use.client)).toEqual(["Safari on iPhone"]);
    await redeemInvite(tokenOf(url), "Chrome on Windows");
    const spent = await inviteSummary(growerId);
    expect(spent).toMatchObject({ uses: 2, maxUses: 2, ended: "used_up" });
    expect(spent?.url).toBeUndefined();
    expect(spent?.history.map((use) => use.client)).toEqual(["Safari on iPhone", "Chrome on Windows"]);
  });

  it("name nobody for a forged token", async () => {
    const { url } = await issueInvite(growerId, "staff:test");
    const [id] = tokenOf(url).split(".");
    expect(await inspectInvite(`${id}.forged`)).toEqual({ ended: "unknown" });
    expect(await redeemInvite(`${id}.forged`, "Chrome")).toBeUndefined();
  });

  it("tell partners of each opening that signed the grower in, and of no refused one", async () => {
    const before = await listEvents({ leafUserId: "leaf-invite-1", types: ["grower.invite_opened"], limit: 100 });
    const { url } = await issueInvite(growerId, "staff:test", 1);
    await redeemInvite(tokenOf(url), "Chrome");
    await redeemInvite(tokenOf(url), "Chrome");
    const after = await listEvents({ leafUserId: "leaf-invite-1", types: ["grower.invite_opened"], limit: 100 });
    expect(after.length - before.length).toBe(1);
  });
});
