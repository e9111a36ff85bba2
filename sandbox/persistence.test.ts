import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningSandbox, type SandboxOptions, startSandbox } from "./server";
import { STATE_FILE } from "./state-file";
import {
  clientOf,
  connect,
  createUser,
  leafApi,
  leafToken,
  postJson,
  settledCredential,
  sleep,
  tokenRequest,
  USERS,
} from "./testing";

const started: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

async function start(opts: SandboxOptions): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ port: 0, processingDelayMs: 50, ...opts });
  started.push(sandbox);
  return sandbox;
}

/** Closes a sandbox as `npm start`'s Ctrl-C would, and starts another on the same folder. */
async function restart(sandbox: RunningSandbox, dataDir: string, opts: SandboxOptions = {}): Promise<RunningSandbox> {
  started.splice(started.indexOf(sandbox), 1);
  await sandbox.close();
  return start({ dataDir, ...opts });
}

const scratch = () => mkdtempSync(path.join(tmpdir(), "headland-sandbox-state-"));
const cfv = clientOf("climate-fieldview");
const climatePath = (user: string) => `${USERS}/${user}/climate-field-view-credentials`;

/** A grower with Climate connected at Leaf, as the app's callback leaves one. */
async function connectedGrower(url: string, token: string): Promise<{ user: string; refreshToken: string }> {
  const user = await createUser(url, token, "Rita Restart", "rita@example.com");
  const tokens = await connect(url, "climate-fieldview");
  const body = {
    clientId: cfv.clientId,
    clientSecret: cfv.clientSecret,
    apiKey: cfv.secrets.apiKey,
    refreshToken: tokens.refresh_token!,
  };
  expect((await leafApi(url, token).post(climatePath(user), body)).status).toBe(201);
  const settled = await settledCredential(url, token, climatePath(user));
  expect(settled.status).toBe("OK");
  return { user, refreshToken: String(settled.refreshToken) };
}

describe("a sandbox with a data directory", () => {
  it("keeps users, credentials, Leaf sessions, grants and webhooks across a restart", async () => {
    const dataDir = scratch();
    const first = await start({ dataDir });
    const token = await leafToken(first.url);
    const { user, refreshToken } = await connectedGrower(first.url, token);
    const hook = { name: "alerts", url: "http://127.0.0.1:9/hook", secret: "s3cret-hook", events: ["fieldCreated"] };
    expect((await leafApi(first.url, token).post("/services/alerts/api/alerts/webhooks", hook)).status).toBe(201);
    const jwks = await (await fetch(`${first.url}/trimble/.well-known/jwks.json`)).json();

    const second = await restart(first, dataDir);
    expect(second.url).not.toBe(first.url);
    // The app's cached Leaf token still works: no other instance's token would.
    const leaf = leafApi(second.url, token);
    expect(await (await leaf.get(`${USERS}/${user}`)).json()).toMatchObject({ name: "Rita Restart" });
    expect(await (await leaf.get(climatePath(user))).json()).toMatchObject({ status: "OK", refreshToken });
    // Still alive at the provider: a status check after the restart does not find it revoked.
    const refreshed = await tokenRequest(second.url, "climate-fieldview", {
      grant_type: "refresh_token",
      refresh_token: refreshToken,
    });
    expect(refreshed.status).toBe(200);
    const hooks = await (await leaf.get("/services/alerts/api/alerts/webhooks")).json();
    expect(hooks).toEqual([expect.objectContaining({ name: "alerts", events: ["fieldCreated"] })]);
    expect(await (await fetch(`${second.url}/trimble/.well-known/jwks.json`)).json()).toEqual(jwks);
    const { secrets } = await (await fetch(`${second.url}/_sandbox/issued`)).json();
    expect(secrets).toEqual(expect.arrayContaining([refreshToken, "s3cret-hook"]));
  });

  it("validates after the restart a credential that was still processing when it stopped", async () => {
    const dataDir = scratch();
    const first = await start({ dataDir, processingDelayMs: 60_000 });
    const token = await leafToken(first.url);
    const user = await createUser(first.url, token);
    const tokens = await connect(first.url, "climate-fieldview");
    const body = { clientId: cfv.clientId, clientSecret: cfv.clientSecret, apiKey: cfv.secrets.apiKey };
    await leafApi(first.url, token).post(climatePath(user), { ...body, refreshToken: tokens.refresh_token });

    const second = await restart(first, dataDir, { processingDelayMs: 50 });
    expect((await settledCredential(second.url, token, climatePath(user))).status).toBe("OK");
  });

  it("saves on close though a second signal asks it to close again meanwhile", async () => {
    // Ctrl-C on `npm start` reaches the sandbox twice: SIGINT from the terminal, SIGTERM from start.mjs.
    const dataDir = scratch();
    const first = await start({ dataDir });
    const token = await leafToken(first.url);
    const user = await createUser(first.url, token, "Rita Twice", "rita@example.com");
    started.splice(started.indexOf(first), 1);
    await Promise.all([first.close(), first.close()]);

    const second = await start({ dataDir });
    expect((await leafApi(second.url, token).get(`${USERS}/${user}`)).status).toBe(200);
  });

  it("keeps the clock where a test moved it", async () => {
    const dataDir = scratch();
    const first = await start({ dataDir });
    const { now } = await (await postJson(`${first.url}/_sandbox/clock/advance`, { seconds: 86_400 })).json();
    const second = await restart(first, dataDir);
    const { now: later } = await (await postJson(`${second.url}/_sandbox/clock/advance`, { seconds: 1 })).json();
    expect(Date.parse(later) - Date.parse(now)).toBeGreaterThanOrEqual(1000);
    expect(Date.parse(later) - Date.now()).toBeGreaterThan(86_000_000);
  });

  it("saves a burst of changes soon, to its own file only, readable by its owner only", async () => {
    const dataDir = scratch();
    const sandbox = await start({ dataDir });
    const token = await leafToken(sandbox.url);
    await Promise.all(Array.from({ length: 20 }, (_, i) => createUser(sandbox.url, token, `U${i}`, `u${i}@x.test`)));
    await sleep(600);
    const saved = JSON.parse(readFileSync(path.join(dataDir, STATE_FILE), "utf8"));
    expect(saved.leaf.users).toHaveLength(20);
    expect(readdirSync(dataDir)).toEqual([STATE_FILE]);
    expect(statSync(path.join(dataDir, STATE_FILE)).mode & 0o777).toBe(0o600);
  });

  it("forgets everything after /_sandbox/reset, restart included", async () => {
    const dataDir = scratch();
    const first = await start({ dataDir });
    const token = await leafToken(first.url);
    const user = await createUser(first.url, token);
    await fetch(`${first.url}/_sandbox/reset`, { method: "POST" });
    const second = await restart(first, dataDir);
    expect((await leafApi(second.url, token).get(`${USERS}/${user}`)).status).toBe(401);
    expect((await leafApi(second.url, await leafToken(second.url)).get(`${USERS}/${user}`)).status).toBe(404);
  });

  it("starts empty beside a file it cannot read, and keeps that file aside", async () => {
    const dataDir = scratch();
    writeFileSync(path.join(dataDir, STATE_FILE), '{"version": 1, "leaf": ');
    writeFileSync(path.join(dataDir, `${STATE_FILE}.123-1.tmp`), "half a write");
    const sandbox = await start({ dataDir });
    expect(await (await leafApi(sandbox.url, await leafToken(sandbox.url)).get(USERS)).json()).toEqual([]);
    const names = readdirSync(dataDir);
    expect(names.filter((n) => n.startsWith(`${STATE_FILE}.unreadable-`))).toHaveLength(1);
    expect(names.some((n) => n.endsWith(".tmp"))).toBe(false);
  });
});

describe("a sandbox without a data directory", () => {
  it("starts empty every time, as tests expect", async () => {
    const dataDir = scratch();
    const kept = await start({ dataDir });
    const token = await leafToken(kept.url);
    const user = await createUser(kept.url, token);
    await kept.close();
    started.splice(started.indexOf(kept), 1);
    const fresh = await start({});
    expect((await leafApi(fresh.url, await leafToken(fresh.url)).get(`${USERS}/${user}`)).status).toBe(404);
  });
});
