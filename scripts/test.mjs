#!/usr/bin/env node
// `npm test`: unit tests (vitest), then the browser flows (Playwright in the Chromium that
// e2e/support/chromium.ts finds) against freshly started sandbox + app servers on free ports. Ends with
// one summary line for both.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIfNeeded } from "./start.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const reports = mkdtempSync(path.join(tmpdir(), "headland-reports-"));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function run(command, args, env = {}) {
  return spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
}

const vitestReport = path.join(reports, "vitest.json");
const unitStatus = run(bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestReport}`,
]);

buildIfNeeded();
const playwrightReport = path.join(reports, "playwright.json");
const e2eStatus = run(bin("playwright"), ["test"], {
  E2E_APP_PORT: String(await freePort()),
  E2E_SANDBOX_PORT: String(await freePort()),
  E2E_SMTP_PORT: String(await freePort()),
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
});

function counts() {
  let passed = 0;
  let failed = 0;
  try {
    const unit = JSON.parse(readFileSync(vitestReport, "utf8"));
    passed += unit.numPassedTests;
    failed += unit.numFailedTests;
  } catch {
    failed += 1;
  }
  try {
    const e2e = JSON.parse(readFileSync(playwrightReport, "utf8")).stats;
    passed += e2e.expected + e2e.flaky;
    failed += e2e.unexpected;
  } catch {
    failed += 1;
  }
  return { passed, failed };
}

/** The security suite's own tally (e2e/security/), so a run says how many of its cases ran and passed. */
function securityCounts() {
  const tally = { ran: 0, passed: 0, skipped: 0 };
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      if (!spec.file?.startsWith("security/")) continue;
      for (const test of spec.tests ?? []) {
        if (test.status === "skipped") tally.skipped += 1;
        else tally.ran += 1;
        if (test.status === "expected" || test.status === "flaky") tally.passed += 1;
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  try {
    for (const suite of JSON.parse(readFileSync(playwrightReport, "utf8")).suites ?? []) walk(suite);
  } catch {
    // No report: the overall count below already says the browser tests failed.
  }
  return tally;
}

const { passed, failed } = counts();
const security = securityCounts();
rmSync(reports, { recursive: true, force: true });
console.log(
  `\nsecurity suite (e2e/security): ${security.ran} cases ran, ${security.passed} passed, ${security.skipped} skipped`,
);
const ok = unitStatus === 0 && e2eStatus === 0 && failed === 0;
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
