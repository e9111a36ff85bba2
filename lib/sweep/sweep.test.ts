import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionSnapshots, growers, jobLeases, statusHistory } from "@/lib/db/schema";
import { providers } from "@/lib/providers/registry";
import { appAgainstSandbox } from "@/lib/testing/app-env";
import { kindFrom } from "@/sandbox/leaf/kinds";
import { acquireLease, releaseLease, renewLease } from "./lease";
import { slidingWindowLimiter } from "./pacing";
import { duePairs, sweepOnce, throttledLeaf } from "./sweep";

let app: Awaited<ReturnType<typeof appAgainstSandbox>>;
beforeAll(async () => (app = await appAgainstSandbox()));
afterAll(() => app.close());

const settings = { concurrency: 3, staleAfterMs: 0 };

/** Seeds Leaf users with credentials in the given statuses and adds them as growers. */
async function seededGrowers(users: { name: string; credentials: Record<string, string> }[]): Promise<string[]> {
  const { ids } = await app.control("POST", "leaf/seed", {
    users: users.map((u) => ({ ...u, email: `${u.name.toLowerCase()}@sweep.test` })),
  });
  await app.db.db
    .insert(growers)
    .values(users.map((u, i) => ({ leafUserId: ids[i], name: u.name, email: `${u.name.toLowerCase()}@sweep.test` })));
  return ids;
}

const snapshotsOf = (ids: string[]) =>
  app.db.db.select().from(connectionSnapshots).where(inArray(connectionSnapshots.leafUserId, ids));

/** Leases run on the database's clock, which a test cannot move forward: the expiry moves back instead. */
const expireLease = (name: string) =>
  app.db.db.update(jobLeases).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(jobLeases.name, name));

describe("sweep lease", () => {
  it("lets one holder at a time sweep, and frees itself when it expires", async () => {
    expect(await acquireLease("test-a", "one", 60_000)).toBe(true);
    expect(await acquireLease("test-a", "two", 60_000)).toBe(false);
    expect(await renewLease("test-a", "one", 60_000)).toBe(true);
    expect(await renewLease("test-a", "two", 60_000)).toBe(false);
    await releaseLease("test-a", "one");
    expect(await acquireLease("test-a", "two", 60_000)).toBe(true);
    expect(await acquireLease("test-a", "three", 60_000)).toBe(false);
    await expireLease("test-a");
    expect(await acquireLease("test-a", "three", 60_000)).toBe(true);
    expect(await renewLease("test-a", "two", 60_000)).toBe(false);
  });

  it("gives the lease to exactly one of two instances starting at once", async () => {
    const results = await Promise.all(["x", "y", "z"].map((holder) => acquireLease("test-b", holder, 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe("sweep", () => {
  it("puts never-checked connections first, then the oldest, and skips fresh ones", async () => {
    const [fresh, old, never] = await seededGrowers([
      { name: "Fresh", credentials: {} },
      { name: "Old", credentials: {} },
      { name: "Never", credentials: {} },
    ]);
    const now = Date.now();
    await app.db.db.insert(connectionSnapshots).values([
      { leafUserId: fresh!, provider: "trimble", status: "ok", checkedAt: new Date(now) },
      { leafUserId: old!, provider: "trimble", status: "ok", checkedAt: new Date(now - 3_600_000) },
    ]);
    const due = (await duePairs(60_000)).filter((p) => [fresh, old, never].includes(p.leafUserId));
    const order = due.map(
      (p) => `${p.leafUserId === fresh ? "fresh" : p.leafUserId === old ? "old" : "never"}/${p.provider.id}`,
    );
    expect(order).not.toContain("fresh/trimble");
    expect(order.at(-1)).toBe("old/trimble");
    // Every provider for each of the three growers, but the fresh one's Trimble.
    expect(order).toHaveLength(3 * providers.length - 1);
  });

  it("stores every connection's status from Leaf and today's counts", async () => {
    const ids = await seededGrowers([
      { name: "Okay", credentials: Object.fromEntries(providers.map((p) => [kindFrom(p).id, "OK"])) },
      { name: "Broken", credentials: { "john-deere": "UNAUTHENTICATED", trimble: "MISSING_PERMISSION" } },
    ]);
    const pass = await sweepOnce(settings, "sweeper-1", throttledLeaf(slidingWindowLimiter(100)));
    expect(pass?.checked).toBeGreaterThanOrEqual(2 * providers.length);
    const byKey = Object.fromEntries(
      (await snapshotsOf(ids)).map((s) => [`${s.leafUserId === ids[0] ? "okay" : "broken"}/${s.provider}`, s.status]),
    );
    const broken: Record<string, string> = { "john-deere": "reauth", trimble: "missing_permission" };
    expect(byKey).toEqual(
      Object.fromEntries(
        providers.flatMap((p) => [
          [`okay/${p.id}`, "ok"],
          [`broken/${p.id}`, broken[p.id] ?? "not_connected"],
        ]),
      ),
    );
    const today = new Date().toISOString().slice(0, 10);
    const history = await app.db.db.select().from(statusHistory).where(eq(statusHistory.day, today));
    expect(history.map((h) => h.provider).sort()).toEqual(providers.map((p) => p.id).sort());
    expect(history.find((h) => h.provider === "trimble")).toMatchObject({
      connected: expect.any(Number),
      attention: expect.any(Number),
    });
    expect(history.find((h) => h.provider === "trimble")!.attention).toBeGreaterThanOrEqual(1);
  });

  it("keeps the last known status and records why when a check fails", async () => {
    const [id] = await seededGrowers([{ name: "Flaky", credentials: { trimble: "OK" } }]);
    await sweepOnce(settings, "sweeper-1", throttledLeaf(slidingWindowLimiter(100)));
    await app.control("POST", "faults", {
      target: "leaf",
      mode: "status",
      status: 503,
      path: `${id}/trimble-credentials`,
    });
    await sweepOnce(settings, "sweeper-1", throttledLeaf(slidingWindowLimiter(100)));
    await app.control("DELETE", "faults");
    const [trimble] = (await snapshotsOf([id!])).filter((s) => s.provider === "trimble");
    expect(trimble).toMatchObject({ status: "ok", checkError: expect.stringMatching(/\S/) });
  });

  it("starts no check once the process is stopping (SIGTERM), and frees the lease for another instance", async () => {
    await seededGrowers([{ name: "Stopping", credentials: { trimble: "OK" } }]);
    let stopping = false;
    // Stops after the first check: the ones already started finish, no new one starts.
    const pass = await sweepOnce(
      { concurrency: 1, staleAfterMs: 0 },
      "sweeper-stopping",
      throttledLeaf(slidingWindowLimiter(100)),
      () => {
        const was = stopping;
        stopping = true;
        return was;
      },
    );
    expect(pass).toEqual({ checked: 1 });
    expect(await acquireLease("status-sweep", "next-instance", 60_000)).toBe(true);
    await releaseLease("status-sweep", "next-instance");
  });

  it("does nothing while another instance holds the lease", async () => {
    const [id] = await seededGrowers([{ name: "Waiting", credentials: { trimble: "OK" } }]);
    expect(await acquireLease("status-sweep", "other-instance", 60_000)).toBe(true);
    expect(await sweepOnce(settings, "sweeper-1", throttledLeaf(slidingWindowLimiter(100)))).toBeUndefined();
    expect(await snapshotsOf([id!])).toHaveLength(0);
    await releaseLease("status-sweep", "other-instance");
  });
});
