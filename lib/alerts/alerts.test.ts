import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordStatus } from "@/lib/connections/snapshots";
import { connectionSnapshots, leafAlerts } from "@/lib/db/schema";
import { leaf } from "@/lib/leaf";
import { createWebhook, listWebhooks } from "@/lib/leaf/alerts";
import { appAgainstSandbox } from "@/lib/testing/app-env";
import { alertsHealth, storeAlert } from "./inbox";
import { processDueAlerts } from "./process";
import { receiveAlert } from "./receive";
import { registerConfiguredWebhook, registerWebhook, wantedWebhook } from "./register";
import { signBody } from "./signature";

const secret = "unit-test-webhook-secret-0123";
const appUrl = "http://127.0.0.1:3999";
let app: Awaited<ReturnType<typeof appAgainstSandbox>>;
beforeAll(async () => {
  app = await appAgainstSandbox({ HEADLAND_LEAF_WEBHOOK_SECRET: secret, APP_URL: appUrl });
}, 60_000);
afterAll(() => app.close());

const deere = "john-deere";

async function seededGrower(status = "OK"): Promise<string> {
  const { ids } = await app.control("POST", "leaf/seed", {
    users: [{ name: "Alert", email: "alert@example.com", credentials: { [deere]: status } }],
  });
  return ids[0];
}

const alertBody = (leafUserId: string, at = Date.now()) =>
  JSON.stringify({
    type: "credentialsUnauthenticated",
    provider: "JohnDeere",
    credentialId: "c-1",
    credential: { id: "c-1", leafUserId },
    status: "UNAUTHENTICATED",
    message: "revoked",
    timestamp: new Date(at).toISOString(),
  });

const signed = (body: string, headers: Record<string, string> = {}) =>
  new Headers({ "x-leaf-signature": signBody(body, secret), ...headers });

const snapshotOf = async (leafUserId: string) =>
  (await app.db.db.select().from(connectionSnapshots).where(eq(connectionSnapshots.leafUserId, leafUserId)))[0];
const alertRow = async (id: string) => (await app.db.db.select().from(leafAlerts).where(eq(leafAlerts.id, id)))[0];

describe("receiving an alert", () => {
  it("refuses unsigned, badly signed and stale deliveries, storing nothing", async () => {
    const body = alertBody("u-refused");
    expect(await receiveAlert(body, new Headers())).toMatchObject({ status: 401, outcome: "unsigned" });
    const forged = new Headers({ "x-leaf-signature": signBody(body, "someone-elses-secret-xx") });
    expect(await receiveAlert(body, forged)).toMatchObject({ status: 401, outcome: "bad_signature" });
    const tampered = body.replace("u-refused", "u-other");
    expect(await receiveAlert(tampered, signed(body))).toMatchObject({ status: 401, outcome: "bad_signature" });
    const old = alertBody("u-refused", Date.now() - 7 * 3600_000);
    expect(await receiveAlert(old, signed(old))).toMatchObject({ status: 400, outcome: "stale" });
    expect(await app.db.db.select().from(leafAlerts)).toHaveLength(0);
    expect((await alertsHealth()).lastHeardAt).toBeNull();
  });

  it("stores a signed delivery once: Leaf's retry or a replay is a duplicate", async () => {
    const body = alertBody("u-once");
    const first = await receiveAlert(body, signed(body, { "x-leaf-delivery-id": "delivery-1" }));
    expect(first).toEqual({ status: 200, outcome: "stored", id: "delivery-1" });
    expect(await receiveAlert(body, signed(body, { "x-leaf-delivery-id": "delivery-1" }))).toMatchObject({
      status: 200,
      outcome: "duplicate",
    });
    // Without a delivery id header, the body's digest dedupes.
    expect(await receiveAlert(body, signed(body))).toMatchObject({ outcome: "stored" });
    expect(await receiveAlert(body, signed(body))).toMatchObject({ outcome: "duplicate" });
    expect((await alertsHealth()).lastHeardAt).not.toBeNull();
  });
});

describe("processing an alert", () => {
  it("re-reads the grower's status from Leaf and records it", async () => {
    const leafUserId = await seededGrower();
    await recordStatus(leafUserId, deere, "ok", "OK");
    await app.control("POST", `leaf/users/${leafUserId}/${deere}-credentials/revoke`);
    await storeAlert("p-1", JSON.parse(alertBody(leafUserId)));
    await processDueAlerts();
    expect(await snapshotOf(leafUserId)).toMatchObject({ provider: deere, status: "reauth" });
    expect(await alertRow("p-1")).toMatchObject({ attempts: 1, lastError: null, processedAt: expect.any(Date) });
  });

  it("keeps an alert it could not act on (Leaf failing) and tries it again later", async () => {
    const leafUserId = await seededGrower();
    await recordStatus(leafUserId, deere, "ok", "OK");
    await app.control("POST", `leaf/users/${leafUserId}/${deere}-credentials/revoke`);
    await app.control("POST", "faults", { target: "leaf", mode: "status", status: 503, path: leafUserId });
    await storeAlert("p-2", JSON.parse(alertBody(leafUserId)));
    await processDueAlerts();
    expect(await alertRow("p-2")).toMatchObject({ attempts: 1, processedAt: null, lastError: expect.any(String) });
    expect(await snapshotOf(leafUserId)).toMatchObject({ status: "ok" });

    await app.control("DELETE", "faults");
    // Due again 2^1 - 1 seconds after it arrived: move its arrival back instead of waiting.
    await app.db.db
      .update(leafAlerts)
      .set({ receivedAt: sql`now() - interval '5 seconds'` })
      .where(eq(leafAlerts.id, "p-2"));
    await processDueAlerts();
    expect(await alertRow("p-2")).toMatchObject({ attempts: 2, processedAt: expect.any(Date) });
    expect(await snapshotOf(leafUserId)).toMatchObject({ status: "reauth" });
  });
});

describe("registering the webhook", () => {
  it("creates it once, keeps it when unchanged, replaces it when the secret changes, leaves others alone", async () => {
    const client = leaf();
    await createWebhook(client, {
      name: "partner's own",
      url: "https://partner.example/hook",
      secret: "x",
      events: ["fieldCreated"],
    });

    const first = await registerConfiguredWebhook();
    expect(first).toMatchObject({ outcome: "created", replaced: 0, webhookId: expect.any(String) });
    expect((await alertsHealth()).registered).toBe(true);
    const again = await registerConfiguredWebhook();
    expect(again).toEqual({ outcome: "kept", webhookId: first!.webhookId, replaced: 0 });

    const rotated = await registerWebhook(wantedWebhook(appUrl, "a-brand-new-secret-0123456"));
    expect(rotated).toMatchObject({ outcome: "created", replaced: 1 });
    const hooks = await listWebhooks(client);
    expect(hooks.map((h) => h.url).sort()).toEqual([`${appUrl}/api/webhooks/leaf`, "https://partner.example/hook"]);
    expect(hooks.find((h) => h.url.startsWith(appUrl))?.events.sort()).toEqual([
      "credentialsLimitedPermission",
      "credentialsUnauthenticated",
    ]);
  });
});
