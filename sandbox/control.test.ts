import { describe, expect, it } from "vitest";
import { startSandbox } from "./server";
import {
  catalog,
  clientOf,
  connect,
  createUser,
  leafApi,
  leafToken,
  postJson,
  settledCredential,
  tokenRequest,
  USERS,
  useSandbox,
} from "./testing";

const sandbox = useSandbox();
const control = (path: string) => `${sandbox.url}/_sandbox${path}`;
const addFault = async (fault: Record<string, unknown>) => (await postJson(control("/faults"), fault)).json();
const clearFaults = () => fetch(control("/faults"), { method: "DELETE" });

describe("control endpoints", () => {
  it("reports health", async () => {
    expect(await (await fetch(control("/health"))).json()).toEqual({ status: "ok" });
  });

  it("counts calls per route and resets the counters", async () => {
    await fetch(control("/calls/reset"), { method: "POST" });
    const token = await leafToken(sandbox.url);
    await leafApi(sandbox.url, token).get(USERS);
    await connect(sandbox.url, "trimble");
    const calls = await (await fetch(control("/calls"))).json();
    expect(calls).toMatchObject({
      "leaf.POST /api/authenticate": 1,
      "leaf.GET /services/usermanagement/api/users": 1,
      "trimble.authorize.decision": 1,
      "trimble.token": 1,
    });
    await fetch(control("/calls/reset"), { method: "POST" });
    expect(await (await fetch(control("/calls"))).json()).toEqual({});
  });

  it("injects a status fault for the next N matching requests", async () => {
    const token = await leafToken(sandbox.url);
    const { id } = await addFault({
      target: "leaf",
      mode: "status",
      status: 503,
      retryAfter: 7,
      count: 2,
      path: "/users",
    });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const first = await leafApi(sandbox.url, token).get(USERS);
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("7");
    expect((await first.json()).status).toBe(503);
    // The path filter spares authentication; the count spares the third call.
    expect(
      (await postJson(`${sandbox.url}/api/authenticate`, { username: "sandbox", password: "sandbox" })).status,
    ).toBe(200);
    expect((await leafApi(sandbox.url, token).get(USERS)).status).toBe(503);
    expect((await leafApi(sandbox.url, token).get(USERS)).status).toBe(200);
    await clearFaults();
  });

  it("spends a fault with a method only on requests of that method", async () => {
    const token = await leafToken(sandbox.url);
    await addFault({ target: "leaf", mode: "status", status: 400, count: 1, method: "POST", path: "/users" });
    expect((await leafApi(sandbox.url, token).get(USERS)).status).toBe(200);
    expect((await leafApi(sandbox.url, token).post(USERS, { name: "Ada", email: "ada@example.com" })).status).toBe(400);
    expect((await leafApi(sandbox.url, token).post(USERS, { name: "Ada", email: "ada@example.com" })).status).toBe(201);
    await clearFaults();
  });

  it("faults a provider's token endpoint, never its consent page or the control routes", async () => {
    await addFault({ target: "trimble", mode: "status", status: 500 });
    const failed = await tokenRequest(sandbox.url, "trimble", { grant_type: "refresh_token", refresh_token: "x" });
    expect(failed.status).toBe(500);
    expect((await failed.json()).error).toBe("server_error");
    await addFault({ target: "leaf", mode: "status", status: 500 });
    expect((await fetch(control("/health"))).status).toBe(200);
    await clearFaults();
    await connect(sandbox.url, "trimble");
  });

  it("holds the socket open on a timeout fault until the client gives up", async () => {
    await addFault({ target: "leaf", mode: "timeout", delayMs: 5000, count: 1 });
    const started = Date.now();
    const attempt = fetch(`${sandbox.url}/api/authenticate`, { method: "POST", signal: AbortSignal.timeout(200) });
    await expect(attempt).rejects.toMatchObject({ name: "TimeoutError" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    await clearFaults();
  });

  it("resets the connection or slows the answer", async () => {
    await addFault({ target: "john-deere", mode: "reset", count: 1 });
    await expect(
      tokenRequest(sandbox.url, "john-deere", { grant_type: "refresh_token", refresh_token: "x" }),
    ).rejects.toThrow();
    await addFault({ target: "leaf", mode: "slow", delayMs: 150, count: 1 });
    const started = Date.now();
    expect(
      (await postJson(`${sandbox.url}/api/authenticate`, { username: "sandbox", password: "sandbox" })).status,
    ).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await clearFaults();
  });

  it("validates fault specs", async () => {
    expect((await postJson(control("/faults"), { target: "moon", mode: "status" })).status).toBe(400);
    expect((await postJson(control("/faults"), { target: "leaf", mode: "status", rate: 2 })).status).toBe(400);
  });

  it("revokes a credential: UNAUTHENTICATED, a 401 event, and a dead refresh token", async () => {
    const token = await leafToken(sandbox.url);
    const leaf = leafApi(sandbox.url, token);
    const user = await createUser(sandbox.url, token);
    const deere = clientOf("john-deere");
    const tokens = await connect(sandbox.url, "john-deere");
    const path = `${USERS}/${user}/john-deere-credentials`;
    await leaf.post(path, {
      clientKey: deere.clientId,
      clientSecret: deere.clientSecret,
      refreshToken: tokens.refresh_token,
      clientEnvironment: "STAGE",
    });
    await settledCredential(sandbox.url, token, path);

    const revoked = await fetch(control(`/leaf/users/${user}/john-deere-credentials/revoke`), { method: "POST" });
    expect(await revoked.json()).toEqual({ status: "UNAUTHENTICATED" });
    expect(await (await leaf.get(`${path}/status`)).json()).toEqual({ status: "UNAUTHENTICATED" });
    const [latest] = await (await leaf.get(`${path}/events`)).json();
    expect(latest.statusCode).toBe(401);
    expect(JSON.parse(latest.body)).toEqual({
      error: "invalid_grant",
      error_description: "Refresh token revoked by the user",
    });
    const refresh = await tokenRequest(sandbox.url, "john-deere", {
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token!,
    });
    expect((await refresh.json()).error).toBe("invalid_grant");

    await postJson(control(`/leaf/users/${user}/john-deere-credentials/status`), { status: "TEMPORARILY_UNAVAILABLE" });
    expect(await (await leaf.get(`${path}/status`)).json()).toEqual({ status: "TEMPORARILY_UNAVAILABLE" });
  });

  it("lists every secret it issued", async () => {
    const token = await leafToken(sandbox.url);
    const tokens = await connect(sandbox.url, "trimble");
    const { secrets } = await (await fetch(control("/issued"))).json();
    const registered = catalog.specs.flatMap(({ client }) => [client.clientSecret, ...Object.values(client.secrets)]);
    for (const secret of [token, tokens.access_token, tokens.refresh_token, tokens.id_token, ...registered])
      expect(secrets).toContain(secret);
  });

  it("clears all state on reset", async () => {
    const token = await leafToken(sandbox.url);
    await createUser(sandbox.url, token);
    await fetch(control("/reset"), { method: "POST" });
    expect((await leafApi(sandbox.url, token).get(USERS)).status).toBe(401);
    const fresh = await leafToken(sandbox.url);
    expect((await leafApi(sandbox.url, fresh).get(USERS)).headers.get("x-total-count")).toBe("0");
  });

  it("keeps two instances apart", async () => {
    const other = await startSandbox({ port: 0, processingDelayMs: 50 });
    try {
      const token = await leafToken(sandbox.url);
      expect((await leafApi(other.url, token).get(USERS)).status).toBe(401);
      const tokens = await connect(sandbox.url, "climate-fieldview");
      const elsewhere = await tokenRequest(other.url, "climate-fieldview", {
        grant_type: "refresh_token",
        refresh_token: tokens.refresh_token!,
      });
      expect((await elsewhere.json()).error).toBe("invalid_grant");
    } finally {
      await other.close();
    }
  });
});
