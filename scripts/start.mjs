#!/usr/bin/env node
// `npm start`: checks the configuration, builds when the sources changed since the last build, starts
// the sandbox (in sandbox mode, unless HEADLAND_SANDBOX=0; HEADLAND_SANDBOX=1 starts it in any mode) and
// the app, and stops both on Ctrl-C or when either exits. HEADLAND_MODE defaults to sandbox here, and only
// here, so a fresh clone needs no configuration while the app itself never guesses its mode.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const sandboxPort = process.env.SANDBOX_PORT ?? "4010";
// The sandbox's mail catcher; the app's SMTP_URL defaults to it in sandbox mode.
const smtpPort = process.env.SANDBOX_SMTP_PORT ?? String(Number(sandboxPort) + 1);
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const distDir = path.join(root, process.env.HEADLAND_DIST_DIR || ".next");

/**
 * The sandbox keeps its Leaf beside Headland's own database, so a restart finds both as they were
 * (`npm run sandbox:reset` clears it). SANDBOX_DATA_DIR="" keeps it in memory only.
 */
export function sandboxDataDir(env = process.env) {
  return env.SANDBOX_DATA_DIR ?? path.join(path.resolve(root, env.HEADLAND_DATA_DIR?.trim() || ".data"), "sandbox");
}

/** A fingerprint of everything the build reads, so an unchanged tree is not rebuilt. */
export function sourceFingerprint() {
  const hash = createHash("sha256");
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${full}:${statSync(full).size}:${statSync(full).mtimeMs}\n`);
    }
  };
  for (const dir of ["app", "components", "lib", "i18n", "messages", "public", "sandbox"])
    if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of [
    "proxy.ts",
    "next.config.js",
    "package-lock.json",
    "postcss.config.mjs",
    "tsconfig.json",
    "instrumentation.ts",
  ]) {
    if (existsSync(path.join(root, file))) hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest("hex");
}

export function buildIfNeeded() {
  const stamp = path.join(distDir, "headland-fingerprint");
  const fingerprint = sourceFingerprint();
  if (existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint)
    return;
  console.log("Building Headland (first start or sources changed)…");
  // `next build` adds its build folder's type paths to tsconfig.json; with per-run folders
  // (HEADLAND_DIST_DIR) those would pile up in a tracked file, so the build leaves it as it was.
  const tsconfig = path.join(root, "tsconfig.json");
  const tsconfigBefore = readFileSync(tsconfig, "utf8");
  const result = spawnSync(bin("next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (readFileSync(tsconfig, "utf8") !== tsconfigBefore) writeFileSync(tsconfig, tsconfigBefore);
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, fingerprint);
}

async function waitFor(url, child, label) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${label} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${label} did not start within 10 s`);
}

/** Every configuration problem at once, before a build: a live deployment missing a variable stops here. */
function checkConfiguration() {
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/check-config.ts"],
    { cwd: root, stdio: "inherit", env: process.env },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Unset: only in sandbox mode. "0" never (a sandbox started elsewhere), "1" always (tests that mix). */
function startsSandbox() {
  const choice = process.env.HEADLAND_SANDBOX?.trim();
  return choice === "1" || (choice !== "0" && process.env.HEADLAND_MODE === "sandbox");
}

async function main() {
  if (!process.env.HEADLAND_MODE?.trim()) {
    process.env.HEADLAND_MODE = "sandbox";
    console.log("Sandbox mode (HEADLAND_MODE unset): simulated Leaf and providers. Set HEADLAND_MODE=live to deploy.");
  }
  checkConfiguration();
  if (!dev) buildIfNeeded();
  const children = [];
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
    PORT: port,
    SANDBOX_PORT: sandboxPort,
    SANDBOX_SMTP_PORT: smtpPort,
    SANDBOX_DATA_DIR: sandboxDataDir(),
  };
  const stopAll = (code) => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    process.exitCode = code;
  };
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));

  if (startsSandbox()) {
    const sandbox = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
      cwd: root,
      stdio: "inherit",
      env,
    });
    children.push(sandbox);
    sandbox.on("exit", (code) => stopAll(code ?? 1));
    await waitFor(`http://127.0.0.1:${sandboxPort}/_sandbox/health`, sandbox, "the sandbox");
  }
  // Next behind a server of our own (HOSTNAME_BIND and PORT from env): it sees the socket, Next does not.
  const app = spawn(process.execPath, ["scripts/server.mjs", ...(dev ? ["--dev"] : [])], {
    cwd: root,
    stdio: "inherit",
    env,
  });
  children.push(app);
  app.on("exit", (code) => stopAll(code ?? 1));
  console.log(`Headland: ${appUrl}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
