// A private Headland + sandbox, started exactly as the shared one (start.mjs behind the wiretap) on free
// ports with its own data directory. Tests that count the sandbox's calls run here: the counters and
// faults are then theirs alone, whatever the other tests do meanwhile on the shared server.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Stack } from "./api";

const root = path.resolve(__dirname, "../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`private stack exited with code ${child.exitCode}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`private stack did not answer at ${url}`);
}

export interface PrivateStack extends Stack {
  tapDir: string;
  stop(): Promise<void>;
}

export async function startPrivateStack(env: Record<string, string> = {}): Promise<PrivateStack> {
  const [appPort, sandboxPort] = [await freePort(), await freePort()];
  const appUrl = `http://127.0.0.1:${appPort}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "headland-sec-"));
  const tapDir = path.join(dataDir, "tap");
  const child = spawn(process.execPath, ["--import", "tsx", "e2e/security/wiretap.ts", process.execPath, "scripts/start.mjs"], {
    cwd: root,
    // Its own process group, so stopping it reaches the sandbox and the app too.
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env, PORT: String(appPort), SANDBOX_PORT: String(sandboxPort), APP_URL: appUrl, HOSTNAME_BIND: "127.0.0.1",
      HEADLAND_DATA_DIR: dataDir, TAP_DIR: tapDir, SANDBOX_PROCESSING_MS: "500", HEADLAND_OUTBOX_INTERVAL_MS: "500", LOG_LEVEL: "info", ...env,
    },
  });
  await waitUntilUp(`${appUrl}/api/health`, child);
  return {
    appUrl,
    sandboxUrl: `http://127.0.0.1:${sandboxPort}`,
    tapDir,
    async stop() {
      if (child.exitCode !== null || !child.pid) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      await exited;
    },
  };
}
