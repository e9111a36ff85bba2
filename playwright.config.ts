import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumPath } from "./e2e/support/chromium";
import { loopbackConnectLimits } from "./e2e/support/stack";

// `npm test` picks free ports; a direct `npx playwright test` uses these.
const appPort = Number(process.env.E2E_APP_PORT ?? 3107);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 4117);
// The sandbox's mail catcher (e2e/invite-email.spec.ts reads the invite email there).
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? sandboxPort + 1);
process.env.E2E_APP_PORT = String(appPort);
process.env.E2E_SANDBOX_PORT = String(sandboxPort);
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "headland-e2e-"));
// The wiretap keeps every response and log line of the run here, for the leak scan (e2e/security).
process.env.E2E_TAP_DIR ??= path.join(process.env.E2E_DATA_DIR, "tap");

export const appUrl = `http://127.0.0.1:${appPort}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  projects: [
    // Staff sign in once for the security suite (the sign-in limit is 10 per account per 15 minutes).
    { name: "setup", testMatch: /security\/staff\.setup\.ts/, teardown: "leak-scan" },
    { name: "e2e", testIgnore: [/\.setup\.ts$/, /leak-scan\.spec\.ts$/], dependencies: ["setup"] },
    // After everything else: no page, JSON answer, redirect or log line of the run holds a secret.
    { name: "leak-scan", testMatch: /security\/leak-scan\.spec\.ts/ },
  ],
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: appUrl,
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
    trace: "off",
  },
  webServer: {
    // The same script as `npm start`, on free loopback ports with a throwaway data directory, behind
    // the wiretap that records every response and log line for the leak scan.
    command: "node --import tsx e2e/security/wiretap.ts node scripts/start.mjs",
    url: `${appUrl}/api/health`,
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(appPort),
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_SMTP_PORT: String(smtpPort),
      APP_URL: appUrl,
      HOSTNAME_BIND: "127.0.0.1",
      HEADLAND_DATA_DIR: process.env.E2E_DATA_DIR,
      TAP_DIR: process.env.E2E_TAP_DIR,
      SANDBOX_PROCESSING_MS: "2500",
      HEADLAND_OUTBOX_INTERVAL_MS: "500",
      // Dashboard statuses follow the sandbox within seconds; a snapshot younger than 8 s is left alone,
      // so the sweep does not take a fault a test aimed at a grower it just checked.
      HEADLAND_SWEEP_INTERVAL_MS: "1000",
      HEADLAND_SWEEP_STALE_AFTER_MS: "8000",
      // Every line the app would log in production goes to the leak scan.
      LOG_LEVEL: "info",
      ...loopbackConnectLimits,
    },
  },
});
