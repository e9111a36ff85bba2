import { type ChildProcess, execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { freePort } from "../lib/testing/free-port";
import { providerCase } from "./helpers";
import { connectProvider, newGrower, type Stack, staffApi } from "./support/api";
import { kill, launch, loopbackConnectLimits, waitUntilUp } from "./support/stack";

// `npm start` stopped and started again: the sandbox's Leaf comes back as it was, so a connected grower
// stays Connected (before, the restarted sandbox was empty and every grower read "Not connected" within a
// minute). `npm run sandbox:reset` is the way to empty it on purpose.

const climate = providerCase("climate-fieldview");
const root = path.resolve(__dirname, "..");

// Each start may build first (start.mjs builds when the sources changed since the last build).
test.describe.configure({ timeout: 1_500_000 });
const upWithin = 420_000;

/** Free loopback ports unless given (a shared machine hands each person their own range). */
async function ports(): Promise<{ app: number; sandbox: number; smtp: number }> {
  const given = (name: string) => (process.env[name] ? Number(process.env[name]) : freePort());
  const [app, sandbox, smtp] = await Promise.all([
    given("E2E_RESTART_APP_PORT"),
    given("E2E_RESTART_SANDBOX_PORT"),
    given("E2E_RESTART_SMTP_PORT"),
  ]);
  return { app, sandbox, smtp };
}

function npmStart(dataDir: string, port: { app: number; sandbox: number; smtp: number }): ChildProcess {
  return launch(process.execPath, ["scripts/start.mjs"], {
    PORT: String(port.app),
    SANDBOX_PORT: String(port.sandbox),
    SANDBOX_SMTP_PORT: String(port.smtp),
    APP_URL: `http://127.0.0.1:${port.app}`,
    HOSTNAME_BIND: "127.0.0.1",
    HEADLAND_DATA_DIR: dataDir,
    SANDBOX_PROCESSING_MS: "300",
    LOG_LEVEL: "error",
    ...loopbackConnectLimits,
  });
}

/** Climate's status after "Check now", which asks the sandbox's Leaf at once rather than waiting for the sweep. */
async function climateStatus(staff: APIRequestContext, leafUserId: string): Promise<string | undefined> {
  const response = await staff.post(`/api/growers/${encodeURIComponent(leafUserId)}/check`);
  expect(response.status(), await response.text()).toBe(200);
  const { connections } = (await response.json()) as { connections: { provider: string; status: string }[] };
  return connections.find((c) => c.provider === climate.id)?.status;
}

test("a connected grower is still Connected after npm start restarts, until sandbox:reset", async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "headland-restart-"));
  const port = await ports();
  const stack: Stack = { appUrl: `http://127.0.0.1:${port.app}`, sandboxUrl: `http://127.0.0.1:${port.sandbox}` };
  let running = npmStart(dataDir, port);
  try {
    await waitUntilUp(`${stack.appUrl}/api/health`, running, "npm start", upWithin);
    // One staff session for the whole test (sign-in allows 10 attempts in 15 minutes); it survives
    // restarts like everything else under the data directory.
    const staff = await staffApi(stack);
    const grower = await newGrower(staff, stack, "Restart");
    await connectProvider(grower.api, climate.id);
    await expect.poll(() => climateStatus(staff, grower.leafUserId), { timeout: 20_000 }).toBe("ok");

    // Ctrl-C, as a person stopping `npm start` would, then start it again on the same data directory.
    await kill(running, "SIGINT");
    running = npmStart(dataDir, port);
    await waitUntilUp(`${stack.appUrl}/api/health`, running, "npm start again", upWithin);
    expect(await climateStatus(staff, grower.leafUserId)).toBe("ok");

    // Emptied on purpose: the grower's connection is gone at Leaf, and Headland says so.
    await kill(running, "SIGINT");
    const said = execFileSync(process.execPath, ["scripts/sandbox-reset.mjs"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, HEADLAND_DATA_DIR: dataDir, SANDBOX_PORT: String(port.sandbox) },
    });
    expect(said).toMatch(/Cleared the sandbox's saved state in .+: 1 Leaf user, 1 credential, 1 provider grant/);
    running = npmStart(dataDir, port);
    await waitUntilUp(`${stack.appUrl}/api/health`, running, "npm start after the reset", upWithin);
    expect(await climateStatus(staff, grower.leafUserId)).toBe("not_connected");
  } finally {
    await kill(running, "SIGTERM");
  }
});
