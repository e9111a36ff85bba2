import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../lib/testing/free-port";
import type { Stack } from "./api";

const root = path.resolve(__dirname, "../..");

/**
 * Every test client is 127.0.0.1, unlike growers in the field: test stacks lift the per-minute connect
 * limits so tests never throttle each other. security/flood.spec.ts puts the defaults back and floods.
 */
export const loopbackConnectLimits = {
  HEADLAND_CONNECT_LIMIT_PER_SESSION: "1000000",
  HEADLAND_CONNECT_LIMIT_PER_ADDRESS: "1000000",
};

export async function waitUntilUp(url: string, child: ChildProcess, label: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${label} did not come up within ${timeoutMs} ms`);
}

export function launch(command: string, args: string[], env: Record<string, string>): ChildProcess {
  // Its own process group, so a kill reaches every process it started.
  return spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: "ignore", detached: true });
}

export function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, signal);
  } catch {
    return Promise.resolve();
  }
  return exited;
}

/** A stack of a test's own whose app runs as a process of its own, so the test can crash and restart it. */
export interface CrashableStack extends Stack {
  dataDir: string;
  /** kill -9: no shutdown hooks, no flushing, exactly a crash. */
  crashApp(): Promise<void>;
  /** Sends the app a signal and resolves with its exit code once it has exited. */
  signalApp(signal: NodeJS.Signals): Promise<number | null>;
  restartApp(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A private sandbox + app pair on free loopback ports with its own data directory, for tests that
 * must own the whole stack (inject global faults, crash the app). Uses the existing production build.
 */
export async function startStack(
  env: Record<string, string> = {},
  sandboxEnv: Record<string, string> = {},
): Promise<CrashableStack> {
  const [appPort, sandboxPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
  const appUrl = `http://127.0.0.1:${appPort}`;
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "headland-stack-"));
  const shared = {
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_SMTP_PORT: String(smtpPort),
    SANDBOX_PROCESSING_MS: "200",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const appEnv = {
    ...shared,
    PORT: String(appPort),
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    // The app server directly, not through start.mjs: the mode is said here as a deployment would.
    HEADLAND_MODE: "sandbox",
    HEADLAND_DATA_DIR: dataDir,
    HEADLAND_OUTBOX_INTERVAL_MS: "200",
    LOG_LEVEL: "error",
    ...loopbackConnectLimits,
    ...env,
  };
  const sandbox = launch(process.execPath, ["--import", "tsx", "sandbox/main.ts"], { ...shared, ...sandboxEnv });
  await waitUntilUp(`${sandboxUrl}/_sandbox/health`, sandbox, "sandbox");

  // The server npm start runs (Next behind scripts/server.mjs, which sees the socket), without start.mjs.
  const launchApp = () => launch(process.execPath, ["scripts/server.mjs"], { HOSTNAME_BIND: "127.0.0.1", ...appEnv });
  let app = launchApp();
  await waitUntilUp(`${appUrl}/api/health`, app, "app");

  return {
    appUrl,
    sandboxUrl,
    dataDir,
    crashApp: () => kill(app, "SIGKILL"),
    async signalApp(signal) {
      const exited = app;
      await kill(exited, signal);
      return exited.exitCode;
    },
    async restartApp() {
      app = launchApp();
      await waitUntilUp(`${appUrl}/api/health`, app, "app");
    },
    async stop() {
      await Promise.all([kill(app, "SIGTERM"), kill(sandbox, "SIGTERM")]);
    },
  };
}

/**
 * A stack of a test's own started exactly as the shared one: start.mjs behind the wiretap, which records
 * for the leak scan.
 */
export interface TappedStack extends Stack {
  tapDir: string;
  stop(): Promise<void>;
}

/**
 * For tests that count the sandbox's calls: on free ports with its own data directory, the counters and
 * faults are theirs alone, whatever the other tests do meanwhile on the shared server.
 */
export async function startTappedStack(env: Record<string, string> = {}): Promise<TappedStack> {
  const [appPort, sandboxPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
  const appUrl = `http://127.0.0.1:${appPort}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "headland-sec-"));
  const tapDir = path.join(dataDir, "tap");
  const child = launch(
    process.execPath,
    ["--import", "tsx", "e2e/security/wiretap.ts", process.execPath, "scripts/start.mjs"],
    {
      PORT: String(appPort),
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_SMTP_PORT: String(smtpPort),
      APP_URL: appUrl,
      HOSTNAME_BIND: "127.0.0.1",
      HEADLAND_DATA_DIR: dataDir,
      TAP_DIR: tapDir,
      SANDBOX_PROCESSING_MS: "500",
      HEADLAND_OUTBOX_INTERVAL_MS: "500",
      LOG_LEVEL: "info",
      ...loopbackConnectLimits,
      ...env,
    },
  );
  await waitUntilUp(`${appUrl}/api/health`, child, "private stack", 90_000);
  return {
    appUrl,
    sandboxUrl: `http://127.0.0.1:${sandboxPort}`,
    tapDir,
    stop: () => kill(child, "SIGTERM"),
  };
}
