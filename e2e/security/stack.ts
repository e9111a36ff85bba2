// A private Headland + sandbox, started exactly as the shared one (start.mjs behind the wiretap) on free
// ports with its own data directory. Tests that count the sandbox's calls run here: the counters and
// faults are then theirs alone, whatever the other tests do meanwhile on the shared server.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../lib/testing/free-port";
import { kill, launch, waitUntilUp } from "../support/stack";
import type { Stack } from "./api";

export interface PrivateStack extends Stack {
  tapDir: string;
  stop(): Promise<void>;
}

export async function startPrivateStack(env: Record<string, string> = {}): Promise<PrivateStack> {
  const [appPort, sandboxPort] = [await freePort(), await freePort()];
  const appUrl = `http://127.0.0.1:${appPort}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "headland-sec-"));
  const tapDir = path.join(dataDir, "tap");
  const child = launch(process.execPath, ["--import", "tsx", "e2e/security/wiretap.ts", process.execPath, "scripts/start.mjs"], {
    PORT: String(appPort), SANDBOX_PORT: String(sandboxPort), APP_URL: appUrl, HOSTNAME_BIND: "127.0.0.1",
    HEADLAND_DATA_DIR: dataDir, TAP_DIR: tapDir, SANDBOX_PROCESSING_MS: "500", HEADLAND_OUTBOX_INTERVAL_MS: "500", LOG_LEVEL: "info", ...env,
  });
  await waitUntilUp(`${appUrl}/api/health`, child, "private stack", 90_000);
  return {
    appUrl,
    sandboxUrl: `http://127.0.0.1:${sandboxPort}`,
    tapDir,
    stop: () => kill(child, "SIGTERM"),
  };
}
