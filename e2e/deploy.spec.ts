import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { providers } from "../lib/providers/registry";
import { sandboxLeafAccount, sandboxStaffAccount } from "../lib/sandbox-defaults";
import { freePort } from "../lib/testing/free-port";
import { providerCase } from "./helpers";
import {
  addGrower,
  completeConsent,
  connectProvider,
  consentCallback,
  expectedLeafBody,
  growerApi,
  leafCredential,
  refreshTokenPattern,
  sandboxCalls,
  sandboxControl,
  staffApi,
} from "./support/api";
import { type CrashableStack, kill, launch, startStack, waitUntilUp } from "./support/stack";

// A deployment as the README tells a partner to run one: `npm run build` (the suite's build), then
// `npm run serve` with HEADLAND_MODE=live and only the environment. The sandbox runs alone, as if it were
// the real Leaf and providers: every URL points at it the way a real deployment's point at the services.

/** The live environment a partner writes, with the sandbox standing in for every real service. */
function liveEnvironment(sandboxUrl: string): Record<string, string> {
  const env: Record<string, string> = {
    HEADLAND_MODE: "live",
    LEAF_API_URL: sandboxUrl,
    LEAF_USERNAME: sandboxLeafAccount.username,
    LEAF_PASSWORD: sandboxLeafAccount.password,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    HEADLAND_ENCRYPTION_KEY: `k1:${randomBytes(32).toString("base64url")}`,
    HEADLAND_STAFF_EMAIL: sandboxStaffAccount.email,
    HEADLAND_STAFF_PASSWORD: sandboxStaffAccount.password,
  };
  for (const provider of providers) {
    const name = (suffix: string) => `${provider.envPrefix}_${suffix}`;
    const { client, endpoints, options, issParameter } = provider.sandbox;
    env[name("CLIENT_ID")] = client.clientId;
    env[name("CLIENT_SECRET")] = client.clientSecret;
    env[name("AUTHORIZE_URL")] = `${sandboxUrl}${endpoints.authorize}`;
    env[name("TOKEN_URL")] = `${sandboxUrl}${endpoints.token}`;
    env[name("ISSUER")] = `${sandboxUrl}${endpoints.issuer}`;
    env[name("ISS_PARAMETER")] = issParameter === "supported" ? "supported" : "unsupported";
    for (const [key, spec] of Object.entries(provider.options) as [string, { env: string }][]) {
      const value = (options as Record<string, string | ((origin: string) => string)>)[key];
      if (value !== undefined) env[name(spec.env)] = typeof value === "function" ? value(sandboxUrl) : value;
    }
  }
  return env;
}

/** `npm run serve`, with stdout and stderr kept for the assertions about what it printed. */
function serve(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn("npm", ["run", "serve"], {
    cwd: path.resolve(__dirname, ".."),
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", HOSTNAME_BIND: "127.0.0.1", LOG_LEVEL: "error", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return { child, output: () => output };
}

const exitCode = (child: ChildProcess) =>
  child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise<number | null>((r) => child.once("exit", r));

test.describe("a live deployment started with npm run serve", () => {
  let sandbox: ChildProcess;
  let sandboxUrl: string;
  test.beforeAll(async () => {
    const sandboxPort = await freePort();
    sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
    sandbox = launch(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_PROCESSING_MS: "200",
    });
    await waitUntilUp(`${sandboxUrl}/_sandbox/health`, sandbox, "sandbox");
  });
  test.afterAll(() => kill(sandbox, "SIGTERM"));

  test("starts from a data folder that does not exist yet, is ready, and connects a grower end to end", async () => {
    test.setTimeout(120_000);
    const appPort = await freePort();
    const appUrl = `http://127.0.0.1:${appPort}`;
    // What a fresh checkout has: no .data, nothing generated into it (live mode generates no secrets).
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "headland-deploy-")), "data");
    const app = serve({
      ...liveEnvironment(sandboxUrl),
      PORT: String(appPort),
      APP_URL: appUrl,
      NEXTAUTH_URL: appUrl,
      HEADLAND_DATA_DIR: dataDir,
    });
    try {
      await waitUntilUp(`${appUrl}/api/ready`, app.child, "npm run serve", 60_000).catch((error) => {
        throw new Error(`${error.message}\n${app.output()}`);
      });
      const ready = await fetch(`${appUrl}/api/ready`);
      expect(await ready.json()).toEqual({ status: "ready" });
      expect(await (await fetch(`${appUrl}/api/health`)).json()).toMatchObject({ db: "ok", leaf: "ok" });

      const stack = { appUrl, sandboxUrl };
      const staff = await staffApi(stack);
      const { leafUserId, inviteUrl } = await addGrower(staff, "Deployed");
      const grower = await growerApi(stack, inviteUrl);
      for (const provider of providers) {
        await connectProvider(grower, provider.id);
        await expect
          .poll(() => leafCredential(stack, leafUserId, provider), { timeout: 15_000 })
          .toMatchObject({
            postedBody: expectedLeafBody(provider, {
              refreshToken: expect.stringMatching(refreshTokenPattern(provider)),
            }),
          });
      }
      expect(app.output()).not.toMatch(/error/i);
    } finally {
      await kill(app.child, "SIGTERM");
    }
  });

  test("a database that cannot open stops start-up once, with one line that says why", async () => {
    const appPort = await freePort();
    // A file where the data folder should be: nothing can be created under it.
    const blocked = path.join(mkdtempSync(path.join(tmpdir(), "headland-deploy-")), "not-a-folder");
    writeFileSync(blocked, "");
    const app = serve({
      ...liveEnvironment(sandboxUrl),
      PORT: String(appPort),
      APP_URL: `http://127.0.0.1:${appPort}`,
      HEADLAND_DATA_DIR: blocked,
    });
    try {
      const code = await Promise.race([
        exitCode(app.child),
        new Promise((r) => setTimeout(() => r("running"), 45_000)),
      ]);
      expect(code, app.output()).not.toBe(0);
      expect(code, app.output()).not.toBe("running");
      const lines = app.output().match(/Headland cannot start: the database did not open: .*/g) ?? [];
      expect(lines, app.output()).toHaveLength(1);
      expect(lines[0]).toContain("not-a-folder");
    } finally {
      await kill(app.child, "SIGKILL");
    }
  });

  test("missing and wrong variables are listed together, once, and the server exits non-zero", async () => {
    const app = serve({
      ...liveEnvironment(sandboxUrl),
      HEADLAND_ENCRYPTION_KEY: "k1:too-short",
      TRIMBLE_CLIENT_SECRET: "",
      HEADLAND_TRUSTED_PROXIES: "the load balancer",
      AUTH_SECRET: "",
      PORT: String(await freePort()),
    });
    try {
      const code = await Promise.race([
        exitCode(app.child),
        new Promise((r) => setTimeout(() => r("running"), 45_000)),
      ]);
      expect(code, app.output()).not.toBe(0);
      expect(code, app.output()).not.toBe("running");
      const out = app.output();
      expect(out.match(/fix these environment variables/g), out).toHaveLength(1);
      for (const variable of [
        "AUTH_SECRET",
        "HEADLAND_ENCRYPTION_KEY",
        "TRIMBLE_CLIENT_SECRET",
        "HEADLAND_TRUSTED_PROXIES",
      ])
        expect(out).toMatch(new RegExp(`^  - ${variable}: `, "m"));
    } finally {
      await kill(app.child, "SIGKILL");
    }
  });
});

test.describe("SIGTERM", () => {
  let stack: CrashableStack;
  const shutdownTimeoutMs = 8_000;
  test.beforeAll(async () => (stack = await startStack({ HEADLAND_SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs) })));
  test.afterAll(() => stack?.stop());

  test("mid-delivery: no new connections, the delivery in flight finishes, the process exits in time", async () => {
    test.setTimeout(90_000);
    const trimble = providerCase("trimble");
    const leafPosts = async () =>
      (await sandboxCalls(stack))[`leaf.POST /services/usermanagement/api/users/{id}/${trimble.leaf.path}`] ?? 0;
    const staff = await staffApi(stack);
    const { leafUserId, inviteUrl } = await addGrower(staff, "Sigterm");
    const grower = await growerApi(stack, inviteUrl);
    const callback = await consentCallback(grower, trimble.id);

    // Leaf takes 3 s over this POST: the token set is sealed and on its way when the signal comes.
    await sandboxControl(stack, "POST", "faults", {
      target: "leaf",
      mode: "slow",
      delayMs: 3_000,
      count: 1,
      path: `${leafUserId}/${trimble.leaf.path}`,
    });
    const before = await leafPosts();
    const inFlight = completeConsent(grower, callback);
    await expect.poll(leafPosts, { intervals: [20] }).toBe(before + 1);

    const signalled = Date.now();
    const exited = stack.signalApp("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    // Stopped taking new work: the listening socket is closed while the delivery is still in flight.
    await expect(fetch(`${stack.appUrl}/api/ready`)).rejects.toThrow();
    // The grower's request in flight is answered (a 303 to their page), not cut.
    await inFlight;
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(shutdownTimeoutMs);

    const stored = await leafCredential(stack, leafUserId, trimble);
    expect(stored?.postedBody).toEqual(
      expectedLeafBody(trimble, { refreshToken: expect.stringMatching(refreshTokenPattern(trimble)) }),
    );
  });
});
