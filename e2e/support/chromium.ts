import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH` when set, else Debian's `/usr/bin/chromium` when
 * installed, else the build shipped in the `@sparticuz/chromium` devDependency, so a fresh machine needs
 * no apt-get. `E2E_SYSTEM_CHROMIUM` replaces the system path to look for; empty, it skips the system
 * Chromium, which is how a machine that has Debian's tries the npm build.
 */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const system = process.env.E2E_SYSTEM_CHROMIUM ?? "/usr/bin/chromium";
  if (system && existsSync(system)) return system;
  return npmChromium();
}

function npmChromium(): string {
  const pkg = path.join(root, "node_modules", "@sparticuz", "chromium");
  const { version } = JSON.parse(readFileSync(path.join(pkg, "package.json"), "utf8")) as { version: string };
  const dir = path.join(root, "node_modules", ".cache", "sparticuz-chromium", version);
  const binary = path.join(dir, "chromium");
  if (existsSync(binary)) return binary;

  // The package's executablePath() is async (the Playwright config is loaded synchronously) and unpacks
  // into os.tmpdir(), where it trusts any `chromium` already there. So a child process unpacks into a
  // fresh directory that is then renamed into place whole: an interrupted or concurrent run never
  // leaves a half-written binary at `binary`, nor picks up another version's.
  mkdirSync(path.dirname(dir), { recursive: true });
  const staging = mkdtempSync(`${dir}.partial-`);
  try {
    execFileSync(process.execPath, ["-e", 'import("@sparticuz/chromium").then((c) => c.default.executablePath())'], {
      cwd: root,
      env: { ...process.env, TMPDIR: staging },
      stdio: ["ignore", "ignore", "inherit"],
    });
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // A concurrent run that renamed its copy first makes ours redundant, not wrong.
    if (!existsSync(binary)) throw error;
  }
  return binary;
}
