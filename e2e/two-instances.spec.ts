import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { providers } from "../lib/providers/registry";
import { freePort } from "../lib/testing/free-port";
import { startPostgres, withoutPostgres } from "../lib/testing/postgres";
import { providerCase } from "./helpers";
import {
  addGrower,
  completeConsent,
  consentCallback,
  growerApi,
  leafCredential,
  sandboxCalls,
  sandboxControl,
  staffApi,
} from "./support/api";
import { kill, launch, loopbackConnectLimits, waitUntilUp } from "./support/stack";

// Two app instances behind one PostgreSQL and one public origin, as behind a load balancer: whichever
// instance a request lands on, the grower's consent completes, and the background jobs run once.
test.skip(withoutPostgres(), "PostgreSQL is not installed");

const sweepIntervalMs = 8_000;

test("two instances on one PostgreSQL: consent moves between them, sweep and delivery run once", async () => {
  test.setTimeout(150_000);
  const [pgPort, sandboxPort, portA, portB] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const postgres = await startPostgres(pgPort);
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const sandbox = launch(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_PROCESSING_MS: "200",
  });
  // One public origin: the load balancer's. Here it is instance A's address; B is reached directly.
  const publicUrl = `http://127.0.0.1:${portA}`;
  const shared = {
    HEADLAND_MODE: "sandbox",
    SANDBOX_PORT: String(sandboxPort),
    DATABASE_URL: postgres.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    HEADLAND_ENCRYPTION_KEY: `k1:${randomBytes(32).toString("base64url")}`,
    APP_URL: publicUrl,
    NEXTAUTH_URL: publicUrl,
    HOSTNAME_BIND: "127.0.0.1",
    HEADLAND_OUTBOX_INTERVAL_MS: "200",
    HEADLAND_SWEEP_INTERVAL_MS: String(sweepIntervalMs),
    HEADLAND_SWEEP_STALE_AFTER_MS: "600000",
    LOG_LEVEL: "error",
    NEXT_TELEMETRY_DISABLED: "1",
    ...loopbackConnectLimits,
  };
  const instance = (port: number) =>
    launch(process.execPath, ["scripts/server.mjs"], {
      ...shared,
      PORT: String(port),
      HEADLAND_DATA_DIR: mkdtempSync(path.join(tmpdir(), "headland-two-")),
    });
  await waitUntilUp(`${sandboxUrl}/_sandbox/health`, sandbox, "sandbox");
  // Started together, so their sweep timers fire within moments of each other.
  const [a, b] = [instance(portA), instance(portB)];
  const urlA = publicUrl;
  const urlB = `http://127.0.0.1:${portB}`;
  try {
    await Promise.all([
      waitUntilUp(`${urlA}/api/ready`, a, "instance A", 90_000),
      waitUntilUp(`${urlB}/api/ready`, b, "instance B", 90_000),
    ]);
    // Every Leaf status check takes 1.5 s: a pass lasts long enough that two instances' passes overlap.
    for (const provider of providers)
      await sandboxControl({ appUrl: urlA, sandboxUrl }, "POST", "faults", {
        target: "leaf",
        mode: "slow",
        delayMs: 1_500,
        path: `/${provider.leaf.path}`,
        rate: 1,
      });
    // Counted for the providers nobody connects here: a consent's own check would blur the count.
    const swept = providers.filter((p) => p.id !== "trimble");
    const checks = async () => {
      const calls = await sandboxCalls({ appUrl: urlA, sandboxUrl });
      return swept.map((p) => calls[`leaf.GET /services/usermanagement/api/users/{id}/${p.leaf.path}`] ?? 0);
    };

    const onA = { appUrl: urlA, sandboxUrl };
    const onB = { appUrl: urlB, sandboxUrl };
    const staff = await staffApi(onA);
    const growers = [await addGrower(staff, "Two A"), await addGrower(staff, "Two B")];
    const before = await checks();

    // The consent starts on A and its callback lands on B: the transaction is in the shared database, and
    // the session cookie (signed with the shared AUTH_SECRET) is good on both.
    const trimble = providerCase("trimble");
    const [first] = growers;
    const grower = await growerApi(onA, first!.inviteUrl);
    const callback = await consentCallback(grower, trimble.id);
    await completeConsent(await copyTo(grower, urlB), callback);
    await expect.poll(() => leafCredential(onB, first!.leafUserId, trimble), { timeout: 15_000 }).toBeDefined();
    const posts = (await sandboxCalls(onA))[`leaf.POST /services/usermanagement/api/users/{id}/${trimble.leaf.path}`];
    expect(posts, "the credential reaches Leaf once").toBe(1);

    // Both instances have had at least two chances to sweep; each grower and provider was checked once.
    await new Promise((r) => setTimeout(r, 3 * sweepIntervalMs));
    const after = await checks();
    const checked = after.map((n, i) => n - before[i]!);
    expect(checked, "one status check per grower and provider, whichever instance swept").toEqual(
      swept.map(() => growers.length),
    );
  } finally {
    await Promise.all([kill(a, "SIGTERM"), kill(b, "SIGTERM"), kill(sandbox, "SIGTERM")]);
    await postgres.stop();
  }
});

/** The same grower's cookies, sending to the other instance. */
async function copyTo(api: import("@playwright/test").APIRequestContext, baseURL: string) {
  const { request } = await import("@playwright/test");
  return request.newContext({ baseURL, storageState: await api.storageState() });
}
