import { PGlite } from "@electric-sql/pglite";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import { startStack, type Stack } from "../support/stack";
import { addGrowerApi, growerApi, staffApi } from "../support/flows";

// Provider faults are global to a sandbox, so these tests own their stack.
let stack: Stack;
test.beforeAll(async () => (stack = await startStack({ HEADLAND_PROVIDER_TIMEOUT_MS: "2000" })));
test.afterAll(() => stack?.stop());
test.describe.configure({ mode: "serial" });

async function growerPage(browser: Browser) {
  const staff = await staffApi(stack.appUrl);
  const { leafUserId, inviteUrl } = await addGrowerApi(staff, `Token Fault ${Date.now()}`);
  const api = await growerApi(stack.appUrl, inviteUrl);
  const context = await browser.newContext({ baseURL: stack.appUrl, storageState: await api.storageState() });
  const page = await context.newPage();
  await page.goto("/connections");
  return { page, leafUserId };
}

const fault = (body: unknown) =>
  fetch(`${stack.sandboxUrl}/_sandbox/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

for (const failure of [
  { name: "fails", fault: { target: "trimble", mode: "status", status: 503, count: 1, path: "/oauth/token" } },
  { name: "times out", fault: { target: "trimble", mode: "timeout", delayMs: 5000, count: 1, path: "/oauth/token" } },
]) {
  test(`a token endpoint that ${failure.name} gives a clear message and a Try again that starts a fresh consent`, async ({ browser }) => {
    const { page, leafUserId } = await growerPage(browser);
    await fault(failure.fault);
    await page.getByRole("region", { name: "Trimble" }).getByRole("link", { name: "Connect Trimble" }).click();
    await page.getByRole("button", { name: "Allow" }).click();

    const alert = page.getByRole("alert").filter({ hasText: /\S/ });
    await expect(alert).toContainText("Trimble is not answering");
    await expect(alert).toContainText("Nothing was saved");
    await expect(page.getByRole("region", { name: "Trimble" }).getByText("Not connected", { exact: true })).toBeVisible();

    // Nothing half-done: no credential at Leaf, nothing waiting in the outbox.
    const leaf = await fetch(`${stack.sandboxUrl}/_sandbox/leaf/users/${leafUserId}/trimble-credentials`);
    expect(leaf.status).toBe(404);

    await alert.getByRole("link", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { name: "Sign in to Trimble (sandbox)" })).toBeVisible();
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page.getByRole("region", { name: "Trimble" }).getByText("Connected", { exact: true })).toBeVisible({ timeout: 15_000 });
  });
}

test("no delivery is left behind by failed exchanges", async () => {
  await stack.stop();
  const db = new PGlite(path.join(stack.dataDir, "pglite"));
  const { rows } = await db.query<{ n: number }>("select count(*)::int as n from deliveries");
  await db.close();
  expect(rows[0]?.n).toBe(0);
});
