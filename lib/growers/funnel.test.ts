import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueInvite, redeemInvite } from "@/lib/auth/invites";
import { auditLog, events, growers } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { funnelCounts, growerFunnel } from "./funnel";

let handle: Awaited<ReturnType<typeof freshDatabase>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-funnel-"));
  handle = await freshDatabase();
  const rows = await handle.db
    .insert(growers)
    .values(
      ["never", "invited", "opened", "started", "connected", "legacy"].map((n) => ({
        leafUserId: `leaf-${n}`,
        name: n,
        email: `${n}@farm.test`,
      })),
    )
    .returning();
  for (const row of rows) ids[row.name] = row.id;
}, 60_000);
afterAll(() => handle.close());

const token = (url: string) => url.split("/invite/")[1]!;

describe("the invite funnel", () => {
  it("counts each invited grower at every stage they reached, and no one who was never invited", async () => {
    for (const name of ["invited", "opened", "started", "connected", "legacy"]) {
      const invite = await issueInvite(ids[name]!, "staff:test");
      if (name !== "invited") expect(await redeemInvite(token(invite.url), "test")).toBeDefined();
    }
    const consent = { actor: "grower:x", action: "consent", outcome: "started", provider: "john-deere" };
    await handle.db.insert(auditLog).values([
      { ...consent, leafUserId: "leaf-started" },
      { ...consent, leafUserId: "leaf-connected", at: new Date("2026-01-02T10:00:00Z") },
      { ...consent, leafUserId: "leaf-connected", at: new Date("2026-01-02T09:00:00Z"), provider: "trimble" },
      // Connected before the events log existed: only the outbox's audit row says so.
      { ...consent, leafUserId: "leaf-legacy" },
      { actor: "outbox", action: "deliver", outcome: "delivered", provider: "trimble", leafUserId: "leaf-legacy" },
      // A failed start is not a start.
      { ...consent, outcome: "access_denied", leafUserId: "leaf-opened" },
    ]);
    await handle.db.insert(events).values({
      type: "connection.connected",
      leafUserId: "leaf-connected",
      provider: "john-deere",
      status: "ok",
      at: new Date("2026-01-02T10:05:00Z"),
    });

    expect(await funnelCounts()).toEqual({ invited: 5, opened: 4, started: 3, connected: 2 });
  });

  it("tells one grower's stages with the first time each was reached, per provider", async () => {
    const funnel = await growerFunnel(ids.connected!, "leaf-connected");
    expect(funnel.invites).toBe(1);
    expect(funnel.opens).toBe(1);
    expect(funnel.reached.started).toEqual(new Date("2026-01-02T09:00:00Z"));
    expect(funnel.reached.connected).toEqual(new Date("2026-01-02T10:05:00Z"));
    expect(funnel.providers).toEqual([
      {
        provider: "john-deere",
        startedAt: new Date("2026-01-02T10:00:00Z"),
        connectedAt: new Date("2026-01-02T10:05:00Z"),
      },
      { provider: "trimble", startedAt: new Date("2026-01-02T09:00:00Z"), connectedAt: null },
    ]);

    const never = await growerFunnel(ids.never!, "leaf-never");
    expect(never.reached).toEqual({ invited: null, opened: null, started: null, connected: null });
    expect(never.providers).toEqual([]);
  });
});
