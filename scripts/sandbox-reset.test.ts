import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { startSandbox } from "@/sandbox/server";
import { STATE_FILE } from "@/sandbox/state-file";
import { createUser, leafApi, leafToken, USERS } from "@/sandbox/testing";

const root = path.resolve(__dirname, "..");
const run = promisify(execFile);

function reset(dataDir: string, port: number) {
  return run(process.execPath, ["scripts/sandbox-reset.mjs"], {
    cwd: root,
    env: {
      NODE_ENV: process.env.NODE_ENV,
      PATH: process.env.PATH,
      HEADLAND_DATA_DIR: dataDir,
      SANDBOX_PORT: String(port),
    },
  });
}

describe("npm run sandbox:reset", () => {
  it("deletes the saved state under the data directory and says what it held", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "headland-reset-"));
    const sandbox = await startSandbox({ port: 0, dataDir: path.join(dataDir, "sandbox") });
    const token = await leafToken(sandbox.url);
    await createUser(sandbox.url, token, "One", "one@x.test");
    await createUser(sandbox.url, token, "Two", "two@x.test");
    await sandbox.close();
    expect(existsSync(path.join(dataDir, "sandbox", STATE_FILE))).toBe(true);

    // Port 1: nothing listens there, as when `npm start` is stopped.
    const { stdout } = await reset(dataDir, 1);
    expect(stdout).toContain("2 Leaf users, 0 credentials, 0 provider grants, 0 webhooks");
    expect(stdout).toContain("Headland's own database (growers, invite links, staff) is kept");
    expect(existsSync(path.join(dataDir, "sandbox", STATE_FILE))).toBe(false);
  });

  it("empties a running sandbox too, so it does not write back what it holds", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "headland-reset-"));
    const sandbox = await startSandbox({ port: 0, dataDir: path.join(dataDir, "sandbox") });
    try {
      const token = await leafToken(sandbox.url);
      const user = await createUser(sandbox.url, token);
      const { stdout } = await reset(dataDir, sandbox.port);
      expect(stdout).toContain(`The sandbox running on port ${sandbox.port} was emptied too.`);
      const leaf = leafApi(sandbox.url, await leafToken(sandbox.url));
      expect((await leaf.get(`${USERS}/${user}`)).status).toBe(404);
    } finally {
      await sandbox.close();
    }
  });

  it("says so when there is nothing to clear", async () => {
    const { stdout } = await reset(mkdtempSync(path.join(tmpdir(), "headland-reset-")), 1);
    expect(stdout).toContain("The sandbox had no saved state in");
  });
});
