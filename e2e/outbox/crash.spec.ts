import { PGlite } from "@electric-sql/pglite";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startStack, type Stack } from "../support/stack";
import { addGrowerApi, completeConsent, consentUrl, growerApi, staffApi } from "../support/flows";

// This test owns its whole stack: it crashes the app and injects faults nobody else should see.
let stack: Stack;
test.beforeAll(async () => (stack = await startStack({ LEAF_TIMEOUT_MS: "3000" })));
test.afterAll(() => stack?.stop());

const leafPosts = async (sandboxUrl: string) => {
  const calls: Record<string, number> = await (await fetch(`${sandboxUrl}/_sandbox/calls`)).json();
  return calls["leaf.POST /services/usermanagement/api/users/{id}/trimble-credentials"] ?? 0;
};

test("kill -9 between the code exchange and the Leaf POST loses nothing: after a restart the credential reaches Leaf once", async () => {
  test.setTimeout(90_000);
  const staff = await staffApi(stack.appUrl);
  const { leafUserId, inviteUrl } = await addGrowerApi(staff, `Crash ${Date.now()}`);
  const grower = await growerApi(stack.appUrl, inviteUrl);
  const callback = await consentUrl(grower, "trimble");

  // Leaf never answers this POST: the code is exchanged, the token set sealed, and the app is waiting.
  await fetch(`${stack.sandboxUrl}/_sandbox/faults`, {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ target: "leaf", mode: "timeout", count: 1, path: `${leafUserId}/trimble-credentials` }),
  });
  const before = await leafPosts(stack.sandboxUrl);
  const inFlight = completeConsent(grower, callback).catch(() => "connection lost");
  await expect.poll(() => leafPosts(stack.sandboxUrl), { intervals: [20] }).toBe(before + 1);
  await stack.crashApp();
  expect(await inFlight).toBe("connection lost");

  await stack.restartApp();
  const credential = () => fetch(`${stack.sandboxUrl}/_sandbox/leaf/users/${leafUserId}/trimble-credentials`).then((r) => (r.ok ? r.json() : undefined));
  await expect.poll(credential, { timeout: 45_000, intervals: [250] }).toBeDefined();
  const stored = await credential();
  expect(stored.postedBody).toEqual({ clientId: "headland-trimble-sandbox", clientSecret: expect.any(String), refreshToken: expect.stringMatching(/^trm_rt_/) });
  // Once: the held request never reached Leaf's handler, and the worker sent exactly one more.
  await new Promise((r) => setTimeout(r, 1500));
  expect(await leafPosts(stack.sandboxUrl)).toBe(before + 2);
  expect(stored.events.filter((e: { body: string }) => e.body.includes("Credentials received"))).toHaveLength(1);

  // And Headland's sealed copy is gone.
  await stack.stop();
  const db = new PGlite(path.join(stack.dataDir, "pglite"));
  const { rows } = await db.query<{ n: number }>("select count(*)::int as n from deliveries");
  await db.close();
  expect(rows[0]?.n).toBe(0);
});
