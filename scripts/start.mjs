#!/usr/bin/env node
// `npm start`: builds when the sources changed since the last build, starts the sandbox (unless
// HEADLAND_SANDBOX=0) and the app, and stops both on Ctrl-C or when either exits.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const sandboxPort = process.env.SANDBOX_PORT ?? "4010";
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const distDir = path.join(root, process.env.HEADLAND_DIST_DIR || ".next");

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
  for (const dir of ["app", "components", "lib", "public", "sandbox"])
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

async function main() {
  if (!dev) buildIfNeeded();
  const children = [];
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
    PORT: port,
    SANDBOX_PORT: sandboxPort,
  };
  const stopAll = (code) => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    process.exitCode = code;
  };
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));

  if (process.env.HEADLAND_SANDBOX !== "0") {
    const sandbox = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
      cwd: root,
      stdio: "inherit",
      env,
    });
    children.push(sandbox);
    sandbox.on("exit", (code) => stopAll(code ?? 1));
    await waitFor(`http://127.0.0.1:${sandboxPort}/_sandbox/health`, sandbox, "the sandbox");
  }
  const hostArgs = process.env.HOSTNAME_BIND ? ["-H", process.env.HOSTNAME_BIND] : [];
  const app = spawn(bin("next"), [dev ? "dev" : "start", "-p", port, ...hostArgs], {
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
