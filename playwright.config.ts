import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// `npm test` picks free ports; a direct `npx playwright test` uses these.
const appPort = Number(process.env.E2E_APP_PORT ?? 3107);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 4117);
process.env.E2E_APP_PORT = String(appPort);
process.env.E2E_SANDBOX_PORT = String(sandboxPort);
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "headland-e2e-"));

export const appUrl = `http://127.0.0.1:${appPort}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: appUrl,
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
    trace: "off",
  },
  webServer: {
    // The same script as `npm start`, on free loopback ports with a throwaway data directory.
    command: "node scripts/start.mjs",
    url: `${appUrl}/api/health`,
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(appPort),
      SANDBOX_PORT: String(sandboxPort),
      APP_URL: appUrl,
      HOSTNAME_BIND: "127.0.0.1",
      HEADLAND_DATA_DIR: process.env.E2E_DATA_DIR,
      SANDBOX_PROCESSING_MS: "2500",
      HEADLAND_OUTBOX_INTERVAL_MS: "500",
      LOG_LEVEL: "warn",
    },
  },
});
