import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");

/** `npm start` as a deployment runs it, with only the given variables; it must refuse before building. */
function npmStart(env: Record<string, string>) {
  const scratch = mkdtempSync(path.join(tmpdir(), "headland-start-"));
  const result = spawnSync(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    encoding: "utf8",
    // Were it to go on, it would build into a scratch folder and be stopped here.
    timeout: 30_000,
    env: {
      NODE_ENV: process.env.NODE_ENV,
      PATH: process.env.PATH,
      HEADLAND_DATA_DIR: scratch,
      HEADLAND_DIST_DIR: path.relative(root, path.join(scratch, "dist")),
      PORT: "1",
      SANDBOX_PORT: "2",
      ...env,
    },
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe("npm start", () => {
  it("refuses real provider apps with no LEAF_API_URL, naming the variable, before building", () => {
    const { status, stderr, stdout } = npmStart({ JOHN_DEERE_CLIENT_ID: "real-app", JOHN_DEERE_CLIENT_SECRET: "s" });
    expect(status).toBe(1);
    expect(stderr).toMatch(/Headland cannot start.*\n {2}- JOHN_DEERE_CLIENT_ID: set in sandbox mode/);
    expect(stdout).not.toMatch(/Building/);
  });

  it("refuses live mode with everything missing, listing each variable once in one block", () => {
    const { status, stderr } = npmStart({ HEADLAND_MODE: "live" });
    expect(status).toBe(1);
    const listed = stderr.split("\n").filter((line) => line.startsWith("  - "));
    expect(listed.map((line) => line.slice(4).split(":")[0])).toEqual([
      "LEAF_API_URL",
      "CLIMATE_FIELDVIEW_CLIENT_ID",
      "JOHN_DEERE_CLIENT_ID",
      "TRIMBLE_CLIENT_ID",
      "LEAF_USERNAME",
      // Every problem, not only the first that stops loading the configuration.
      "LEAF_PASSWORD",
      "AUTH_SECRET",
      "HEADLAND_ENCRYPTION_KEY",
    ]);
  });
});
