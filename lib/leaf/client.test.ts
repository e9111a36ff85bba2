import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sandboxLeafAccount } from "@/lib/sandbox-defaults";
import { startSandbox } from "@/sandbox/server";
import { LeafClient } from "./client";
import { getCredentials, postCredentials } from "./credentials";
import { LeafError } from "./errors";
import { createLeafUser, listLeafUsers } from "./users";

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => (sandbox = await startSandbox({ port: 0, processingDelayMs: 20 })));
afterAll(() => sandbox.close());

const control = (path: string, body?: unknown) =>
  fetch(`${sandbox.url}/_sandbox/${path}`, {
    method: body === undefined ? "DELETE" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const calls = async () => (await (await fetch(`${sandbox.url}/_sandbox/calls`)).json()) as Record<string, number>;
const authenticateCalls = async () =>
  Object.entries(await calls())
    .filter(([k]) => k.includes("/api/authenticate"))
    .reduce((n, [, v]) => n + v, 0);

const client = (timeoutMs = 2000) =>
  new LeafClient({ apiUrl: sandbox.url, auth: { kind: "password", ...sandboxLeafAccount }, timeoutMs });

beforeEach(async () => {
  await control("faults");
  await control("leaf/token-ttl", { seconds: 30 * 24 * 3600 });
});
afterEach(() => vi.useRealTimers());

describe("LeafClient against the sandbox", () => {
  it("authenticates once and reuses the token", async () => {
    const leaf = client();
    const before = await authenticateCalls();
    await createLeafUser(leaf, { name: "Ada", email: "ada@farm.test" });
    await listLeafUsers(leaf, 0, 10);
    expect((await authenticateCalls()) - before).toBe(1);
  });

  it("renews the token before it expires", async () => {
    await control("leaf/token-ttl", { seconds: 2 });
    // The client and the in-process sandbox read one faked Date (from a whole second, as JWT times are);
    // their sockets keep real timers.
    const issuedAt = Math.ceil(Date.now() / 1000) * 1000;
    vi.useFakeTimers({ toFake: ["Date"], now: issuedAt });
    const leaf = client();
    const before = await authenticateCalls();
    await listLeafUsers(leaf, 0, 1);
    // A 2 s token is renewed after half its life, before Leaf would refuse it.
    vi.setSystemTime(issuedAt + 999);
    await listLeafUsers(leaf, 0, 1);
    expect((await authenticateCalls()) - before).toBe(1);
    vi.setSystemTime(issuedAt + 1000);
    await listLeafUsers(leaf, 0, 1);
    expect((await authenticateCalls()) - before).toBe(2);
  });

  it("authenticates again and retries once after a 401", async () => {
    const leaf = client();
    await listLeafUsers(leaf, 0, 1);
    await control("leaf/expire-tokens", {});
    const before = await authenticateCalls();
    const { users } = await listLeafUsers(leaf, 0, 1);
    expect(Array.isArray(users)).toBe(true);
    expect((await authenticateCalls()) - before).toBe(1);
  });

  it("turns wrong Leaf credentials into an unauthorized error", async () => {
    const leaf = new LeafClient({
      apiUrl: sandbox.url,
      auth: { kind: "password", username: "sandbox", password: "wrong" },
      timeoutMs: 2000,
    });
    await expect(listLeafUsers(leaf, 0, 1)).rejects.toMatchObject({ kind: "unauthorized" });
  });

  it("turns a timeout into a typed, retryable error", async () => {
    const leaf = client(300);
    await listLeafUsers(leaf, 0, 1);
    await control("faults", { target: "leaf", mode: "timeout", count: 1 });
    const error = await listLeafUsers(leaf, 0, 1).catch((e) => e);
    expect(error).toBeInstanceOf(LeafError);
    expect(error.kind).toBe("timeout");
    expect(error.retryable).toBe(true);
  });

  it("reports 5xx as unavailable and 429 with its Retry-After", async () => {
    const leaf = client();
    await control("faults", { target: "leaf", mode: "status", status: 503, count: 1, path: "/users" });
    await expect(listLeafUsers(leaf, 0, 1)).rejects.toMatchObject({ kind: "unavailable", retryable: true });
    await control("faults", { target: "leaf", mode: "status", status: 429, retryAfter: 7, count: 1, path: "/users" });
    await expect(listLeafUsers(leaf, 0, 1)).rejects.toMatchObject({ kind: "rate_limited", retryAfterSeconds: 7 });
  });

  it("reports a body Leaf rejects as rejected, not retryable", async () => {
    const leaf = client();
    const user = await createLeafUser(leaf, { name: "Bo", email: "bo@farm.test" });
    const error = await postCredentials(leaf, user.id, "climate-field-view-credentials", {
      clientId: "a",
      clientSecret: "b",
      refreshToken: "c",
    }).catch((e) => e);
    expect(error).toMatchObject({ kind: "rejected", status: 400, retryable: false });
    expect(await getCredentials(leaf, user.id, "climate-field-view-credentials")).toBeUndefined();
  });

  it("pages users with the total from X-Total-Count", async () => {
    const leaf = client();
    for (let i = 0; i < 3; i++) await createLeafUser(leaf, { name: `P${i}`, email: `p${i}@farm.test` });
    const { users, total } = await listLeafUsers(leaf, 0, 2);
    expect(users).toHaveLength(2);
    expect(total).toBeGreaterThanOrEqual(3);
  });
});

describe("LeafClient and redirects", () => {
  // A Leaf URL that answers with a redirect must not carry the password or the bearer token elsewhere.
  it("never follows a redirect: the credentials stay with the configured Leaf", async () => {
    const elsewhere: IncomingHttpHeaders[] = [];
    const thief = createServer((req, res) => {
      elsewhere.push(req.headers);
      res.writeHead(200, { "content-type": "application/json" }).end('{"id_token":"x"}');
    });
    const redirector = createServer((req, res) => {
      const { port } = thief.address() as AddressInfo;
      res.writeHead(307, { location: `http://127.0.0.1:${port}${req.url}` }).end();
    });
    await Promise.all([thief, redirector].map((s) => new Promise<void>((r) => s.listen(0, "127.0.0.1", r))));
    try {
      const { port } = redirector.address() as AddressInfo;
      const leaf = new LeafClient({
        apiUrl: `http://127.0.0.1:${port}`,
        auth: { kind: "password", ...sandboxLeafAccount },
        timeoutMs: 2000,
      });
      await expect(listLeafUsers(leaf, 0, 1)).rejects.toBeInstanceOf(LeafError);
      const tokenLeaf = new LeafClient({
        apiUrl: `http://127.0.0.1:${port}`,
        auth: { kind: "token", token: "leaf-token-secret" },
        timeoutMs: 2000,
      });
      await expect(listLeafUsers(tokenLeaf, 0, 1)).rejects.toMatchObject({ kind: "rejected", status: 307 });
      expect(elsewhere).toEqual([]);
    } finally {
      for (const s of [thief, redirector]) s.close();
    }
  });
});
