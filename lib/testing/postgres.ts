import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Where Debian installs the server. HEADLAND_TEST_POSTGRES_ROOT looks elsewhere: a directory that does
// not exist shows what a machine without PostgreSQL does.
const postgresRoot = () => process.env.HEADLAND_TEST_POSTGRES_ROOT?.trim() || "/usr/lib/postgresql";

/** Debian's PostgreSQL server binaries, newest version first. */
function postgresBin(): string | undefined {
  const base = postgresRoot();
  if (!existsSync(base)) return undefined;
  const version = readdirSync(base)
    .sort((a, b) => Number(b) - Number(a))
    .find((v) => existsSync(path.join(base, v, "bin", "initdb")));
  return version && path.join(base, version, "bin");
}

/** Runs as the postgres user when we are root: the server refuses to run as root. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

/** The CI convention: CI=true (any value but empty, "false" or "0"). */
function runningInCi(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return !!value && value !== "false" && value !== "0";
}

/**
 * Whether a test that needs PostgreSQL runs. A developer without the server skips it; CI never does,
 * so there a missing server fails the run instead of letting it pass without the test.
 */
export function postgresTestPlan(
  installed: boolean,
  env: Record<string, string | undefined> = process.env,
): "run" | "skip" {
  return installed || runningInCi(env) ? "run" : "skip";
}

const postgresSkipLine = "skipped: PostgreSQL is not installed (apt-get install postgresql); CI installs it";

/**
 * For `describe.skipIf`: true, after printing the one line that says why, when this machine cannot run
 * PostgreSQL tests.
 */
export function withoutPostgres(): boolean {
  const skip = postgresTestPlan(postgresBin() !== undefined) === "skip";
  if (skip) console.log(postgresSkipLine);
  return skip;
}

/**
 * A throwaway PostgreSQL server on a loopback port, for tests of what only a real server shows
 * (row locks across connections). `.ci/run` installs Debian's postgresql where it is missing.
 */
export async function startPostgres(port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const bin = postgresBin();
  if (!bin)
    throw new Error(
      `PostgreSQL server binaries not found under ${postgresRoot()}: ` +
        "apt-get install -y postgresql (.ci/run does, on CI)",
    );
  const dir = mkdtempSync(path.join(tmpdir(), "headland-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  execFileSync(...asPostgres(path.join(bin, "initdb"), ["-D", data, "-U", "headland", "--auth=trust", "-E", "UTF8"]), {
    stdio: "ignore",
  });
  const [cmd, args] = asPostgres(path.join(bin, "postgres"), [
    "-D",
    data,
    "-p",
    String(port),
    "-h",
    "127.0.0.1",
    "-k",
    dir,
    "-c",
    "fsync=off",
  ]);
  const server = spawn(cmd, args, { stdio: "ignore" });
  const url = `postgres://headland@127.0.0.1:${port}/postgres`;
  const { Client } = await import("pg");
  for (let i = 0; ; i++) {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      if (i > 100) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    stop: async () => {
      const exited = new Promise((r) => server.once("exit", r));
      // runuser does not pass signals on; pg_ctl reaches the server itself.
      execFileSync(...asPostgres(path.join(bin, "pg_ctl"), ["-D", data, "stop", "-m", "fast"]), { stdio: "ignore" });
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
