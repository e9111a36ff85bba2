// The framework's floor: a throwaway App Router app built with this checkout's own Next.js and React, so
// a bench can put what Headland costs beside what any Next app costs on the same machine in the same run.
// It lives in a hidden folder inside this checkout so Next resolves the very same node_modules (Turbopack
// refuses a node_modules symlinked from outside its root); plain .jsx so the build writes no tsconfig.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { freePort } from "@/lib/testing/free-port";
import { root, stop, waitUntilUp } from "./stack";

const nextBin = () => createRequire(path.join(root, "package.json")).resolve("next/dist/bin/next");

/** A hello-world page: the least any App Router page sends and does. */
export const helloWorld: Record<string, string> = {
  "app/layout.jsx":
    'export const metadata = { title: "Hello" };\n' +
    'export default function Layout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n',
  "app/page.jsx": "export default function Page() { return <h1>Hello, world</h1>; }\n",
};

/** Writes `files` (paths relative to the app) into a new folder and builds it; the folder, to remove later. */
export function buildNextApp(name: string, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(root, `.${name}-`));
  const all = {
    "package.json": JSON.stringify({ name, private: true }),
    "next.config.js": "module.exports = {};\n",
    // Next looks for instrumentation at Turbopack's root (this checkout, where the lockfile is) when the
    // app has none of its own: without this one, the floor would run Headland's own start-up.
    "instrumentation.js": "export function register() {}\n",
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const result = spawnSync(process.execPath, [nextBin(), "build"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (result.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the ${name} build failed (exit ${result.status})`);
  }
  return dir;
}

export interface RunningNextApp {
  url: string;
  pid?: number;
  stop(): Promise<void>;
}

/** `next start` on a free loopback port, its own process group, as the app runs in production. */
export async function startNextApp(dir: string, env: Record<string, string> = {}): Promise<RunningNextApp> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [nextBin(), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(url, child, "the Next.js floor");
  } catch (error) {
    await stop(child);
    throw error;
  }
  return { url, pid: child.pid, stop: () => stop(child) };
}
