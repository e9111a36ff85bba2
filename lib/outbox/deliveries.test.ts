import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, deliveries } from "@/lib/db/schema";
import { leaf } from "@/lib/leaf";
import { postCredentials } from "@/lib/leaf/credentials";
import { createLeafUser } from "@/lib/leaf/users";
import { findProvider } from "@/lib/providers";
import { leafBody } from "@/lib/providers/leaf-body";
import { settingsFor } from "@/lib/providers/settings";
import { appAgainstSandbox } from "@/lib/testing/app-env";
import { attemptDelivery, claimDueDeliveries, retryDelivery, stageDelivery } from "./deliveries";
import { unopenableReason } from "./sealing";

let app: Awaited<ReturnType<typeof appAgainstSandbox>>;
beforeAll(async () => (app = await appAgainstSandbox({ HEADLAND_OUTBOX_BASE_MS: "10" })));
afterAll(() => app.close());
beforeEach(() => app.control("DELETE", "faults"));
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const trimble = findProvider("trimble")!;
const tokens = (n: string) => ({ accessToken: `trm_at_${n}`, refreshToken: `trm_rt_${n}` });
const rowsFor = async (leafUserId: string) =>
  app.db.db.select().from(deliveries).where(eq(deliveries.leafUserId, leafUserId));
const stored = (leafUserId: string) => app.control("GET", `leaf/users/${leafUserId}/trimble-credentials`);

async function newUser() {
  return (await createLeafUser(leaf(), { name: "Dee", email: "dee@farm.test" })).id;
}

describe("deliveries", () => {
  it("seals the token set at rest and deletes it once Leaf accepts", async () => {
    const user = await newUser();
    const row = await stageDelivery(user, trimble, tokens("a1"), "corr-1");
    expect(row.sealed).not.toContain("trm_rt_a1");
    expect(await attemptDelivery(row)).toBe("delivered");
    expect(await rowsFor(user)).toHaveLength(0);
    expect((await stored(user)).postedBody.refreshToken).toBe("trm_rt_a1");
  });

  it("keeps the delivery for a retry when Leaf is down, with backoff", async () => {
    const user = await newUser();
    await app.control("POST", "faults", {
      target: "leaf",
      mode: "status",
      status: 503,
      count: 1,
      path: `${user}/trimble-credentials`,
    });
    const row = await stageDelivery(user, trimble, tokens("b1"), "corr-2");
    // Only Date is faked (the sandbox and the sockets keep their real timers), and the jitter is pinned.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const failedAt = Date.now();
    expect(await attemptDelivery(row)).toBe("retrying");
    const [after] = await rowsFor(user);
    // Half of the first retry's 10 ms ceiling: not due a moment sooner, claimed once it comes.
    expect(after).toMatchObject({
      state: "pending",
      attempts: 1,
      lastError: expect.stringContaining("Injected fault"),
      nextAttemptAt: new Date(failedAt + 5),
    });
    const claimedBy = async (at: number) => {
      vi.setSystemTime(at);
      return (await claimDueDeliveries(50)).filter((d) => d.leafUserId === user);
    };
    expect(await claimedBy(failedAt + 4)).toHaveLength(0);
    const claimed = await claimedBy(failedAt + 5);
    expect(claimed).toHaveLength(1);
    expect(await attemptDelivery(claimed[0]!)).toBe("delivered");
    expect(await rowsFor(user)).toHaveLength(0);
  });

  it("does not retry a body Leaf rejects, and staff can send it back", async () => {
    const user = await newUser();
    await app.control("POST", "faults", {
      target: "leaf",
      mode: "status",
      status: 400,
      count: 1,
      path: `${user}/trimble-credentials`,
    });
    const row = await stageDelivery(user, trimble, tokens("c1"), "corr-3");
    expect(await attemptDelivery(row)).toBe("failed");
    expect((await rowsFor(user))[0]).toMatchObject({ state: "failed", attempts: 1 });
    expect(await retryDelivery(user, "trimble", "staff:test")).toBe(true);
    const [queued] = await rowsFor(user);
    expect(queued).toMatchObject({ state: "pending", attempts: 0 });
    expect(await attemptDelivery(queued!)).toBe("delivered");
  });

  it("does not POST again when Leaf took the first attempt but its answer was lost", async () => {
    const user = await newUser();
    await app.control("POST", "faults", {
      target: "leaf",
      mode: "reset",
      count: 1,
      path: `${user}/trimble-credentials`,
    });
    const row = await stageDelivery(user, trimble, tokens("d1"), "corr-4");
    expect(await attemptDelivery(row)).toBe("retrying");
    // As if the reset had cut Leaf's answer, not our request: Leaf holds the credential and validates it.
    await postCredentials(leaf(), user, trimble.leaf.path, leafBody(trimble, tokens("d1"), settingsFor(trimble)));
    const posts = async () =>
      Object.entries((await app.control("GET", "calls")) as Record<string, number>)
        .filter(([k]) => k.startsWith("leaf.POST") && k.includes("trimble-credentials"))
        .reduce((n, [, v]) => n + v, 0);
    const before = await posts();
    const [again] = await rowsFor(user);
    expect(await attemptDelivery(again!)).toBe("delivered");
    expect(await posts()).toBe(before);
    expect(await rowsFor(user)).toHaveLength(0);
  });

  it("gives two claimers disjoint rows", async () => {
    const user = await newUser();
    for (let i = 0; i < 6; i++) {
      const row = await stageDelivery(user, trimble, tokens(`e${i}`), `corr-e${i}`);
      await app.db.db
        .update(deliveries)
        .set({ nextAttemptAt: new Date(0) })
        .where(eq(deliveries.id, row.id));
    }
    const [a, b] = await Promise.all([claimDueDeliveries(4), claimDueDeliveries(4)]);
    const ids = [...a, ...b].map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(6);
  });

  describe("a row that cannot be opened", () => {
    const trimblePosts = async () =>
      Object.entries((await app.control("GET", "calls")) as Record<string, number>)
        .filter(([k]) => k.startsWith("leaf.POST") && k.includes("trimble-credentials"))
        .reduce((n, [, v]) => n + v, 0);
    const failures = async (leafUserId: string) =>
      app.db.db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.leafUserId, leafUserId), eq(auditLog.action, "deliver"), eq(auditLog.outcome, "failed")),
        );

    /** Tampers with a staged row the way a hostile database could, then lets the worker at it twice. */
    async function tamperedThenClaimedTwice(change: Partial<typeof deliveries.$inferInsert>) {
      const victim = await newUser();
      const row = await stageDelivery(victim, trimble, tokens("t1"), "corr-t1");
      await app.db.db
        .update(deliveries)
        .set({ ...change, nextAttemptAt: new Date(0) })
        .where(eq(deliveries.id, row.id));
      const postsBefore = await trimblePosts();
      const outcomes: string[] = [];
      for (let pass = 0; pass < 2; pass++) {
        const mine = (await claimDueDeliveries(50)).filter((d) => d.id === row.id);
        for (const claimed of mine) outcomes.push(await attemptDelivery(claimed));
        // The lease would otherwise keep a row that stayed pending out of the second pass.
        await app.db.db
          .update(deliveries)
          .set({ nextAttemptAt: new Date(0) })
          .where(eq(deliveries.id, row.id));
      }
      const [after] = await app.db.db.select().from(deliveries).where(eq(deliveries.id, row.id));
      return { row, after, outcomes, posted: (await trimblePosts()) - postsBefore };
    }

    it("does not deliver a row moved to another grower: it fails once and is never claimed again", async () => {
      const attacker = await newUser();
      const { after, outcomes, posted } = await tamperedThenClaimedTwice({ leafUserId: attacker });
      expect(outcomes).toEqual(["failed"]);
      expect(posted).toBe(0);
      expect(await stored(attacker)).toBeUndefined();
      expect(after).toMatchObject({ state: "failed", attempts: 1, lastError: unopenableReason });
      expect(await failures(attacker)).toHaveLength(1);
    });

    it("does not deliver a row moved to another provider", async () => {
      const { row, after, outcomes, posted } = await tamperedThenClaimedTwice({ provider: "john-deere" });
      expect(outcomes).toEqual(["failed"]);
      expect(posted).toBe(0);
      expect(after).toMatchObject({ state: "failed", lastError: unopenableReason });
      expect(await failures(row.leafUserId)).toHaveLength(1);
    });

    it("gives up once on a row renamed to a provider Headland does not know", async () => {
      const { after, outcomes } = await tamperedThenClaimedTwice({ provider: "no-such-provider" });
      expect(outcomes).toEqual(["failed"]);
      expect(after).toMatchObject({ state: "failed", lastError: unopenableReason });
    });

    it("marks a row sealed under a key no longer configured as failed with its reason, once", async () => {
      const { row, after, outcomes } = await tamperedThenClaimedTwice({ keyId: "retired-key" });
      expect(outcomes).toEqual(["failed"]);
      expect(after).toMatchObject({ state: "failed", attempts: 1, lastError: unopenableReason });
      const audited = await failures(row.leafUserId);
      expect(audited).toHaveLength(1);
      expect(audited[0]?.detail).toBe(unopenableReason);
    });
  });
});
