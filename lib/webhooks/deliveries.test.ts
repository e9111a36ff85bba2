import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recordStatus } from "@/lib/connections/snapshots";
import type { Db } from "@/lib/db/client";
import { events, webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import { recordEvent } from "@/lib/events/record";
import { freshDatabase } from "@/lib/testing/db";
import { claimDueWebhooks, recordAttempt, resendWebhook } from "./deliveries";
import { createEndpoint, setEndpointEnabled } from "./endpoints";

let db: Db;
let close: () => Promise<void>;
const policy = { baseMs: 1_000, capMs: 10_000, giveUpAfterMs: 60_000 };

beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-webhooks-"));
  process.env.HEADLAND_MODE ??= "sandbox";
  const handle = await freshDatabase();
  db = handle.db;
  close = () => handle.close();
}, 120_000);
afterAll(() => close());
beforeEach(async () => {
  await db.delete(webhookEndpoints);
  await db.delete(events);
});

const endpoint = async (types: string[] = ["connection.broken", "connection.repaired", "grower.invite_opened"]) =>
  (await createEndpoint("staff:test", { url: "http://127.0.0.1:9/hook", eventTypes: types as never })).endpoint;
const deliveriesOf = (endpointId: string) =>
  db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).orderBy(webhookDeliveries.id);
const claimedGrowers = async () => (await claimDueWebhooks(50, 60_000)).map((d) => d.leafUserId);
const broken = (leafUserId: string) => recordEvent({ type: "connection.broken", leafUserId, provider: "deere" });

describe("fan-out", () => {
  it("queues each event once for every enabled endpoint that subscribed to its type", async () => {
    const all = await endpoint();
    const brokenOnly = await endpoint(["connection.broken"]);
    const disabled = await endpoint();
    await setEndpointEnabled("staff:test", disabled.id, false);
    await recordStatus("fan-1", "climate", "ok", "OK");
    await recordStatus("fan-1", "climate", "reauth", "UNAUTHENTICATED");
    await recordStatus("fan-1", "climate", "ok", "OK");
    const types = async (id: string) =>
      Promise.all(
        (await deliveriesOf(id)).map(async (d) => (await db.select().from(events).where(eq(events.id, d.eventId)))[0]),
      ).then((rows) => rows.map((e) => e?.type));
    expect(await types(all.id)).toEqual(["connection.broken", "connection.repaired"]);
    expect(await types(brokenOnly.id)).toEqual(["connection.broken"]);
    expect(await deliveriesOf(disabled.id)).toEqual([]);
  });

  it("writes the event and its deliveries together or not at all", async () => {
    const hook = await endpoint();
    // Deliveries refuse every row: the event, written by the same statement, must not stay behind.
    await db.execute(sql`alter table webhook_deliveries add constraint refuse_all check (false) not valid`);
    try {
      await expect(broken("atomic-1")).rejects.toThrow();
    } finally {
      await db.execute(sql`alter table webhook_deliveries drop constraint refuse_all`);
    }
    expect(await db.select().from(events).where(eq(events.leafUserId, "atomic-1"))).toEqual([]);
    // And an event whose transaction rolls back leaves no delivery behind.
    await db
      .transaction(async (tx) => {
        await recordEvent({ type: "grower.invite_opened", leafUserId: "atomic-2" }, tx);
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    expect(await deliveriesOf(hook.id)).toEqual([]);
    await broken("atomic-3");
    expect(await deliveriesOf(hook.id)).toHaveLength(1);
  });
});

describe("order per grower", () => {
  it("holds a grower's later event until the earlier one is delivered or given up", async () => {
    await endpoint();
    await broken("order-a");
    await recordEvent({ type: "connection.repaired", leafUserId: "order-a", provider: "deere" });
    await broken("order-b");
    const first = await claimDueWebhooks(50, 60_000);
    expect(first.map((d) => d.leafUserId)).toEqual(["order-a", "order-b"]);
    // A failure keeps the first one waiting, and the second behind it.
    const [a1, b1] = first;
    expect(await recordAttempt(a1!, { ok: false, statusCode: 500, error: "HTTP 500" }, policy)).toBe("retrying");
    await db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: new Date(Date.now() + 60_000) })
      .where(eq(webhookDeliveries.id, a1!.id));
    expect(await claimedGrowers()).toEqual([]);
    expect(await recordAttempt(b1!, { ok: true, statusCode: 200 }, policy)).toBe("delivered");
    // Given up (its day is over): the grower's next event goes out.
    const expired = { ...a1!, createdAt: new Date(Date.now() - policy.giveUpAfterMs) };
    expect(await recordAttempt(expired, { ok: false, error: "could not connect: ECONNREFUSED" }, policy)).toBe(
      "failed",
    );
    const [a2] = await claimDueWebhooks(50, 60_000);
    expect(a2?.leafUserId).toBe("order-a");
    expect(a2!.id).toBeGreaterThan(a1!.id);
  });

  it("makes a claimed delivery due again if its sender died, and never hands it out twice meanwhile", async () => {
    await endpoint();
    await broken("lease-a");
    expect(await claimedGrowers()).toEqual(["lease-a"]);
    expect(await claimedGrowers()).toEqual([]);
    await db.update(webhookDeliveries).set({ nextAttemptAt: new Date(Date.now() - 1) });
    expect(await claimedGrowers()).toEqual(["lease-a"]);
  });

  it("leaves a disabled endpoint's queue waiting, and sends it once enabled", async () => {
    const hook = await endpoint();
    await broken("paused-a");
    await setEndpointEnabled("staff:test", hook.id, false);
    expect(await claimedGrowers()).toEqual([]);
    await setEndpointEnabled("staff:test", hook.id, true);
    expect(await claimedGrowers()).toEqual(["paused-a"]);
  });
});

describe("send again", () => {
  it("re-queues a delivered or given-up delivery with a fresh day of retries, nothing still waiting", async () => {
    const hook = await endpoint();
    await broken("again-a");
    const [row] = await claimDueWebhooks(1, 60_000);
    expect(await resendWebhook("staff:test", hook.id, row!.id)).toBe(false);
    await recordAttempt(row!, { ok: true, statusCode: 204 }, policy);
    expect(await resendWebhook("staff:test", crypto.randomUUID(), row!.id)).toBe(false);
    expect(await resendWebhook("staff:test", hook.id, row!.id)).toBe(true);
    const [again] = await claimDueWebhooks(1, 60_000);
    expect(again).toMatchObject({ id: row!.id, state: "pending", attempts: 0, deliveredAt: null });
  });
});
