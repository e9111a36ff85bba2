// A private sandbox and production app for a bench, each a process of its own on free loopback ports, with
// its own data directory: no other run's state, counters or faults reach the figures.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "@/lib/testing/free-port";

export const root = path.resolve(import.meta.dirname, "../..");
/** Benches share one production build of their own (`npm start` keeps `.next`); HEADLAND_DIST_DIR picks another. */
export const distDir = process.env.HEADLAND_DIST_DIR || ".next-bench";

/** `next build` into the bench's folder, only when the sources changed since its last build (as `npm start`). */
export function buildIfNeeded(): void {
  // Comparing two builds of different sources (before and after a change): each run names its folder.
  if (process.env.BENCH_NO_BUILD === "1") return;
  const result = spawnSync(
    process.execPath,
    ["--input-type=module", "-e", "(await import('./scripts/start.mjs')).buildIfNeeded()"],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, HEADLAND_DIST_DIR: distDir } },
  );
  if (result.status !== 0) throw new Error(`the build failed (exit ${result.status})`);
}

export async function waitUntilUp(url: string, child: ChildProcess, label: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label} exited with code ${child.exitCode}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${label} did not come up within ${timeoutMs} ms`);
}

/** Its own process group, so stopping it reaches every process it started. */
export function launch(args: string[], env: Record<string, string>, label: string): ChildProcess {
  // BENCH_CPU_PROF=<dir>: the app writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = label === "app" && process.env.BENCH_CPU_PROF;
  const node = profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...node, ...args], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  // Errors only, prefixed, so a bench's own lines stay readable.
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[${label}] ${chunk}`));
  return child;
}

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return Promise.resolve();
  }
  return exited;
}

export interface BenchStack {
  appUrl: string;
  sandboxUrl: string;
  sandboxPort: number;
  dataDir: string;
  /** The processes, for their CPU time (bench/support/cpu.ts). */
  appPid?: number;
  sandboxPid?: number;
  stop(): Promise<void>;
}

/**
 * The sandbox (Leaf validating a new credential after `processingMs`) and the app as `npm start` runs it
 * (Next behind scripts/server.mjs), without background work unless `appEnv` asks for it. The per-minute
 * connect limits are lifted: every bench client is 127.0.0.1.
 */
export async function startBenchStack(
  appEnv: Record<string, string> = {},
  opts: { processingMs?: number } = {},
): Promise<BenchStack> {
  const [appPort, sandboxPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
  const appUrl = `http://127.0.0.1:${appPort}`;
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "headland-bench-"));
  const shared = {
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_SMTP_PORT: String(smtpPort),
    SANDBOX_PROCESSING_MS: String(opts.processingMs ?? 200),
    HEADLAND_DATA_DIR: dataDir,
  };
  const sandbox = launch(["--import", "tsx", "sandbox/main.ts"], shared, "sandbox");
  await waitUntilUp(`${sandboxUrl}/_sandbox/health`, sandbox, "the sandbox");
  const app = launch(
    ["scripts/server.mjs"],
    {
      ...shared,
      PORT: String(appPort),
      HOSTNAME_BIND: "127.0.0.1",
      APP_URL: appUrl,
      NEXTAUTH_URL: appUrl,
      HEADLAND_MODE: "sandbox",
      HEADLAND_DIST_DIR: distDir,
      HEADLAND_CONNECT_LIMIT_PER_SESSION: "1000000",
      HEADLAND_CONNECT_LIMIT_PER_ADDRESS: "1000000",
      HEADLAND_SWEEP_INTERVAL_MS: "0",
      LOG_LEVEL: "warn",
      ...appEnv,
    },
    "app",
  );
  try {
    await waitUntilUp(`${appUrl}/api/health`, app, "the app");
  } catch (error) {
    await Promise.all([stop(app), stop(sandbox)]);
    throw error;
  }
  return {
    appUrl,
    sandboxUrl,
    sandboxPort,
    dataDir,
    appPid: app.pid,
    sandboxPid: sandbox.pid,
    async stop() {
      await Promise.all([stop(app), stop(sandbox)]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One of the sandbox's control routes (`/_sandbox/…`); throws unless it answers 2xx. */
export async function sandboxControl(sandboxUrl: string, method: string, route: string, body?: unknown) {
  const response = await fetch(`${sandboxUrl}/_sandbox/${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${route}: ${response.status} ${await response.text()}`);
  return response.json();
}
