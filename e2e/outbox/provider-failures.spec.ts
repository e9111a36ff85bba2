import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { type Browser, expect, test } from "@playwright/test";
import { consent, outcomeAlert, providerCase, region, statusIn } from "../helpers";
import { addGrower, growerApi, leafCredential, sandboxControl, staffApi } from "../support/api";
import { specOf } from "../support/sandbox-spec";
import { type CrashableStack, startStack } from "../support/stack";

// Provider faults are global to a sandbox, so these tests own their stack.
let stack: CrashableStack;
test.beforeAll(async () => (stack = await startStack({ HEADLAND_PROVIDER_TIMEOUT_MS: "2000" })));
test.afterAll(() => stack?.stop());
test.describe.configure({ mode: "serial" });

async function growerPage(browser: Browser) {
  const staff = await staffApi(stack);
  const { leafUserId, inviteUrl } = await addGrower(staff, "Token Fault");
  const api = await growerApi(stack, inviteUrl);
  const context = await browser.newContext({ baseURL: stack.appUrl, storageState: await api.storageState() });
  const page = await context.newPage();
  await page.goto("/connections");
  return { page, leafUserId };
}

const trimble = providerCase("trimble");
const tokenPath = specOf(trimble.id).paths.token;

for (const failure of [
  { name: "fails", fault: { target: trimble.id, mode: "status", status: 503, count: 1, path: tokenPath } },
  { name: "times out", fault: { target: trimble.id, mode: "timeout", delayMs: 5000, count: 1, path: tokenPath } },
]) {
  test(`a token endpoint that ${failure.name} gives a clear message and a Try again starting a fresh consent`, async ({
    browser,
  }) => {
    const { page, leafUserId } = await growerPage(browser);
    await sandboxControl(stack, "POST", "faults", failure.fault);
    await region(page, trimble.name).getByRole("link", { name: "Connect Trimble" }).click();
    await page.getByRole("button", { name: "Allow" }).click();

    const alert = outcomeAlert(page);
    await expect(alert).toContainText("Trimble is not answering");
    await expect(alert).toContainText("Nothing was saved");
    await expect(statusIn(page, trimble.name, "Not connected")).toBeVisible();

    // Nothing half-done: no credential at Leaf, nothing waiting in the outbox.
    expect(await leafCredential(stack, leafUserId, trimble)).toBeUndefined();

    await alert.getByRole("link", { name: "Try again" }).click();
    await consent(page, trimble);
    await expect(statusIn(page, trimble.name, "Connected")).toBeVisible({ timeout: 15_000 });
  });
}

test("no delivery is left behind by failed exchanges", async () => {
  await stack.stop();
  const db = new PGlite(path.join(stack.dataDir, "pglite"));
  const { rows } = await db.query<{ n: number }>("select count(*)::int as n from deliveries");
  await db.close();
  expect(rows[0]?.n).toBe(0);
});
