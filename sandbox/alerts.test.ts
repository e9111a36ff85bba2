import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WEBHOOKS } from "./leaf/alerts";
import { type RunningSandbox, startSandbox } from "./server";
import { leafApi, leafToken, postJson, sleep } from "./testing";

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A webhook receiver that answers each delivery with the next status in `answers` (then 200). */
async function receiver(answers: number[] = []) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(answers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let sandbox: RunningSandbox;
let leaf: ReturnType<typeof leafApi>;
beforeAll(async () => {
  // Leaf's retry minutes played as 50 ms.
  sandbox = await startSandbox({ port: 0, processingDelayMs: 30, alertRetryUnitMs: 50 });
  leaf = leafApi(sandbox.url, await leafToken(sandbox.url));
});
afterAll(() => sandbox.close());
afterEach(() => postJson(`${sandbox.url}/_sandbox/reset`, {}));

const hook = (url: string, events = ["credentialsUnauthenticated", "credentialsLimitedPermission"]) => ({
  name: "test hook",
  url,
  secret: "a-test-secret-of-some-length",
  events,
});

async function seededUser(status = "OK"): Promise<string> {
  const response = await postJson(`${sandbox.url}/_sandbox/leaf/seed`, {
    users: [{ name: "Alert Grower", email: "alert@example.com", credentials: { "john-deere": status } }],
  });
  return ((await response.json()) as { ids: string[] }).ids[0]!;
}

const control = (leafUserId: string, action: string, body: unknown = {}) =>
  postJson(`${sandbox.url}/_sandbox/leaf/users/${leafUserId}/john-deere-credentials/${action}`, body);

describe("Leaf webhooks endpoints", () => {
  it("creates with the id in Location, lists without the secret, deletes", async () => {
    // Re-login: the reset in afterEach ends the earlier session.
    leaf = leafApi(sandbox.url, await leafToken(sandbox.url));
    const created = await leaf.post(WEBHOOKS, hook("https://example.com/hook"));
    expect(created.status).toBe(201);
    const id = created.headers.get("location")!.split("/").pop()!;
    const listed = (await (await leaf.get(WEBHOOKS)).json()) as Record<string, unknown>[];
    expect(listed).toEqual([expect.objectContaining({ id, name: "test hook", url: "https://example.com/hook" })]);
    expect(JSON.stringify(listed)).not.toContain("a-test-secret");
    expect((await leaf.delete(`${WEBHOOKS}/${id}`)).status).toBe(204);
    expect((await leaf.delete(`${WEBHOOKS}/${id}`)).status).toBe(404);
  });

  it("validates like Leaf: required fields, known events, an event registered twice", async () => {
    leaf = leafApi(sandbox.url, await leafToken(sandbox.url));
    const missing = await leaf.post(WEBHOOKS, { name: "x", url: "https://example.com" });
    expect(missing.status).toBe(400);
    expect((await leaf.post(WEBHOOKS, hook("not a url"))).status).toBe(400);
    expect((await leaf.post(WEBHOOKS, hook("https://example.com", ["noSuchEvent"]))).status).toBe(400);
    expect((await leaf.post(WEBHOOKS, hook("https://example.com"))).status).toBe(201);
    const twice = await leaf.post(WEBHOOKS, hook("https://other.example.com", ["credentialsUnauthenticated"]));
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain("eventRegisteredTwice");
    expect((await fetch(`${sandbox.url}${WEBHOOKS}`)).status).toBe(401);
  });
});

describe("Leaf alerts sender", () => {
  it("sends a signed credentialsUnauthenticated alert when a credential is revoked", async () => {
    leaf = leafApi(sandbox.url, await leafToken(sandbox.url));
    const target = await receiver();
    try {
      const leafUserId = await seededUser();
      await leaf.post(WEBHOOKS, hook(target.url));
      await control(leafUserId, "revoke");
      await expect.poll(() => target.received.length).toBe(1);
      const [delivery] = target.received;
      const expected = createHmac("sha256", "a-test-secret-of-some-length").update(delivery!.body).digest("base64");
      expect(delivery!.headers["x-leaf-signature"]).toBe(expected);
      expect(JSON.parse(delivery!.body)).toMatchObject({
        type: "credentialsUnauthenticated",
        provider: "JohnDeere",
        status: "UNAUTHENTICATED",
        credential: { leafUserId },
      });
      expect(Date.now() - Date.parse(JSON.parse(delivery!.body).timestamp)).toBeLessThan(5_000);
    } finally {
      await target.close();
    }
  });

  it("sends credentialsLimitedPermission, and nothing for a status no one listens to or a seeded one", async () => {
    leaf = leafApi(sandbox.url, await leafToken(sandbox.url));
    const target = await receiver();
    try {
      await leaf.post(WEBHOOKS, hook(target.url, ["credentialsLimitedPermission"]));
      const seeded = await seededUser("UNAUTHENTICATED");
      const leafUserId = await seededUser();
      await control(leafUserId, "status", { status: "UNAUTHENTICATED" });
      await control(seeded, "status", { status: "MISSING_PERMISSION" });
      await expect.poll(() => target.received.length).toBe(1);
      await sleep(200);
      expect(target.received).toHaveLength(1);
      expect(JSON.parse(target.received[0]!.body)).toMatchObject({ type: "credentialsLimitedPermission" });
    } finally {
      await target.close();
    }
  });

  it("retries a failed delivery with the same id and body until it is accepted", async () => {
    leaf = leafApi(sandbox.url, await leafToken(sandbox.url));
    const target = await receiver([503, 500]);
    try {
      const leafUserId = await seededUser();
      await leaf.post(WEBHOOKS, hook(target.url));
      await control(leafUserId, "revoke");
      // 1 then 30 of Leaf's minutes, at 50 ms each.
      await expect.poll(() => target.received.length, { timeout: 5_000 }).toBe(3);
      const [first, , third] = target.received;
      expect(third!.body).toBe(first!.body);
      expect(third!.headers["x-leaf-delivery-id"]).toBe(first!.headers["x-leaf-delivery-id"]);
      const log = await (await fetch(`${sandbox.url}/_sandbox/leaf/alerts/deliveries`)).json();
      expect(log).toEqual([
        expect.objectContaining({
          delivered: true,
          attempts: [
            { at: expect.any(String), outcome: "503" },
            expect.anything(),
            expect.objectContaining({ outcome: "200" }),
          ],
        }),
      ]);
    } finally {
      await target.close();
    }
  });

  it("stops retrying on reset", async () => {
    leaf = leafApi(sandbox.url, await leafToken(sandbox.url));
    const target = await receiver([500, 500, 500, 500]);
    try {
      const leafUserId = await seededUser();
      await leaf.post(WEBHOOKS, hook(target.url));
      await control(leafUserId, "revoke");
      await expect.poll(() => target.received.length).toBeGreaterThan(0);
      await postJson(`${sandbox.url}/_sandbox/reset`, {});
      const atReset = target.received.length;
      // Past the next retry (30 minutes of 50 ms after the first).
      await sleep(2_000);
      expect(target.received).toHaveLength(atReset);
      expect(atReset).toBeLessThan(3);
    } finally {
      await target.close();
    }
  });
});
