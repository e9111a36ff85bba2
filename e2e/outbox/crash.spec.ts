import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { expect, test } from "@playwright/test";
import { providerCase } from "../helpers";
import {
  addGrower,
  completeConsent,
  consentCallback,
  expectedLeafBody,
  growerApi,
  leafCredential,
  refreshTokenPattern,
  sandboxCalls,
  sandboxControl,
  staffApi,
} from "../support/api";
import { type CrashableStack, startStack } from "../support/stack";

// This test owns its whole stack: it crashes the app and injects faults nobody else should see.
let stack: CrashableStack;
test.beforeAll(async () => (stack = await startStack({ LEAF_TIMEOUT_MS: "3000" })));
test.afterAll(() => stack?.stop());

const trimble = providerCase("trimble");
const leafPosts = async () =>
  (await sandboxCalls(stack))[`leaf.POST /services/usermanagement/api/users/{id}/${trimble.leaf.path}`] ?? 0;

test("kill -9 between the exchange and the Leaf POST: after a restart the credential reaches Leaf once", async () => {
  test.setTimeout(90_000);
  const staff = await staffApi(stack);
  const { leafUserId, inviteUrl } = await addGrower(staff, "Crash");
  const grower = await growerApi(stack, inviteUrl);
  const callback = await consentCallback(grower, trimble.id);

  // Leaf never answers this POST: the code is exchanged, the token set sealed, and the app is waiting.
  await sandboxControl(stack, "POST", "faults", {
    target: "leaf",
    mode: "timeout",
    count: 1,
    path: `${leafUserId}/${trimble.leaf.path}`,
  });
  const before = await leafPosts();
  const inFlight = completeConsent(grower, callback).catch(() => "connection lost");
  await expect.poll(leafPosts, { intervals: [20] }).toBe(before + 1);
  await stack.crashApp();
  expect(await inFlight).toBe("connection lost");

  await stack.restartApp();
  const credential = () => leafCredential(stack, leafUserId, trimble);
  await expect.poll(credential, { timeout: 45_000, intervals: [250] }).toBeDefined();
  const stored = await credential();
  expect(stored.postedBody).toEqual(
    expectedLeafBody(trimble, { refreshToken: expect.stringMatching(refreshTokenPattern(trimble)) }),
  );
  // Once: the held request never reached Leaf's handler, and the worker sent exactly one more.
  await new Promise((r) => setTimeout(r, 1500));
  expect(await leafPosts()).toBe(before + 2);
  expect(stored.events.filter((e: { body: string }) => e.body.includes("Credentials received"))).toHaveLength(1);

  // And Headland's sealed copy is gone.
  await stack.stop();
  const db = new PGlite(path.join(stack.dataDir, "pglite"));
  const { rows } = await db.query<{ n: number }>("select count(*)::int as n from deliveries");
  await db.close();
  expect(rows[0]?.n).toBe(0);
});
