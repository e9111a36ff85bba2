import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { growers } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { issueInvite, redeemInvite } from "./invites";

let close: () => Promise<void>;
let growerId: string;
const tokenOf = (url: string) => decodeURIComponent(url.split("/invite/")[1]!);

beforeAll(async () => {
  // Sandbox configuration, with its generated secrets kept out of the checkout.
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-invites-"));
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
    expect((await redeemInvite(tokenOf(url)))?.leafUserId).toBe("leaf-invite-1");
    vi.setSystemTime(new Date("2026-03-08T12:00:01Z"));
    expect(await redeemInvite(tokenOf(url))).toBeUndefined();
  });

  it("stop working for every earlier link once a new one is issued", async () => {
    const first = await issueInvite(growerId, "staff:test");
    const second = await issueInvite(growerId, "staff:test");
    expect(await redeemInvite(tokenOf(first.url))).toBeUndefined();
    expect((await redeemInvite(tokenOf(second.url)))?.leafUserId).toBe("leaf-invite-1");
  });
});
