import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/lib/config";
import { growers } from "@/lib/db/schema";
import { checkGrowerNow } from "@/lib/growers/check-now";
import { freshDatabase } from "@/lib/testing/db";
import { freePort } from "@/lib/testing/free-port";
import { clientOf, connect, createUser, leafApi, leafToken, settledCredential, USERS } from "@/sandbox/testing";
// @ts-expect-error: a plain ES module without types; sandboxDataDir is what `npm start` gives the sandbox.
import { sandboxDataDir } from "./start.mjs";

// The sandbox as `npm start` runs it (its own process, its data directory under HEADLAND_DATA_DIR), stopped
// with Ctrl-C and started again, with Headland's own code checking a connected grower in between. Before,
// the restarted sandbox was empty and the grower read "Not connected". (e2e/sandbox-restart.spec.ts runs the
// same story through `npm start` itself, app and all.)

const root = path.resolve(__dirname, "..");
const dataDir = mkdtempSync(path.join(tmpdir(), "headland-restart-"));
let port: number;
let sandbox: ChildProcess | undefined;
let database: Awaited<ReturnType<typeof freshDatabase>>;
const saved = { ...process.env };
const sandboxUrl = () => `http://127.0.0.1:${port}`;

async function startSandboxProcess(): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
    cwd: root,
    stdio: "ignore",
    env: {
      ...process.env,
      SANDBOX_PORT: String(port),
      SANDBOX_SMTP_PORT: "0",
      SANDBOX_PROCESSING_MS: "50",
      SANDBOX_DATA_DIR: sandboxDataDir({ HEADLAND_DATA_DIR: dataDir }),
    },
  });
  sandbox = child;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the sandbox exited with ${child.exitCode}`);
    if (
      await fetch(`${sandboxUrl()}/_sandbox/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the sandbox did not start");
}

async function stopSandboxProcess(): Promise<void> {
  const child = sandbox;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGINT");
  await exited;
}

const climateStatus = async (leafUserId: string) =>
  (await checkGrowerNow(leafUserId, "staff:test"))?.find((c) => c.provider === "climate-fieldview")?.status;

beforeAll(async () => {
  port = await freePort();
  Object.assign(process.env, {
    HEADLAND_MODE: "sandbox",
    HEADLAND_DATA_DIR: dataDir,
    SANDBOX_PORT: String(port),
    LEAF_TIMEOUT_MS: "2000",
  });
  resetConfigForTests();
  database = await freshDatabase();
  await startSandboxProcess();
}, 60_000);

afterAll(async () => {
  await stopSandboxProcess();
  await database?.close();
  process.env = saved;
  resetConfigForTests();
});

describe("npm start's sandbox, restarted", () => {
  it("keeps a connected grower Connected, until sandbox:reset empties it", async () => {
    const token = await leafToken(sandboxUrl());
    const leafUserId = await createUser(sandboxUrl(), token, "Rosa Restart", "rosa@farm.test");
    const tokens = await connect(sandboxUrl(), "climate-fieldview");
    const cfv = clientOf("climate-fieldview");
    const credentials = `${USERS}/${leafUserId}/climate-field-view-credentials`;
    await leafApi(sandboxUrl(), token).post(credentials, {
      clientId: cfv.clientId,
      clientSecret: cfv.clientSecret,
      apiKey: cfv.secrets.apiKey,
      refreshToken: tokens.refresh_token,
    });
    await settledCredential(sandboxUrl(), token, credentials);
    await database.db.insert(growers).values({ leafUserId, name: "Rosa Restart", email: "rosa@farm.test" });
    expect(await climateStatus(leafUserId)).toBe("ok");

    await stopSandboxProcess();
    await startSandboxProcess();
    expect(await climateStatus(leafUserId)).toBe("ok");

    const { stdout } = await promisify(execFile)(process.execPath, ["scripts/sandbox-reset.mjs"], {
      cwd: root,
      env: { ...process.env, SANDBOX_PORT: String(port) },
    });
    expect(stdout).toMatch(/1 Leaf user, 1 credential, 1 provider grant/);
    expect(await climateStatus(leafUserId)).toBe("not_connected");
  }, 60_000);
});
