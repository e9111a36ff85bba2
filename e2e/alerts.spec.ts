import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { providerCase, providerCases } from "./helpers";
import { sandboxControl, staffApi } from "./support/api";
import { type CrashableStack, startStack } from "./support/stack";

// A stack of its own with the sweep off, so only Leaf's alert can move a status on the dashboard; the
// sandbox plays each of Leaf's retry minutes (1, 30, 60, 240) as 300 ms.
let stack: CrashableStack;
let staff: APIRequestContext;
test.beforeAll(async () => {
  stack = await startStack({ HEADLAND_SWEEP_INTERVAL_MS: "0" }, { SANDBOX_ALERT_RETRY_UNIT_MS: "300" });
  staff = await staffApi(stack);
});
test.afterAll(() => stack?.stop());

const trimble = providerCase("trimble");
let seeded = 0;

/** A Leaf user with a working Trimble credential, imported and checked once, so the dashboard says Connected. */
async function connectedGrower(): Promise<{ name: string; leafUserId: string }> {
  const name = `Alerted ${Date.now()}-${++seeded}`;
  const { ids } = await sandboxControl(stack, "POST", "leaf/seed", {
    users: [{ name, email: `alerted.${Date.now()}.${seeded}@farm.test`, credentials: { [trimble.id]: "OK" } }],
  });
  const leafUserId = ids[0] as string;
  expect((await staff.post("/api/growers/import")).ok()).toBe(true);
  expect((await staff.post(`/api/growers/${leafUserId}/check`)).ok()).toBe(true);
  return { name, leafUserId };
}

const revoke = (leafUserId: string) =>
  sandboxControl(stack, "POST", `leaf/users/${leafUserId}/${trimble.leaf.path}/revoke`);

async function trimbleStatusOf(name: string): Promise<string | undefined> {
  const data = await (await staff.get(`/api/dashboard?q=${encodeURIComponent(name)}`)).json();
  return data.rows[0]?.cells.find((c: { provider: string }) => c.provider === trimble.id)?.status;
}

async function signInAsStaff(page: Page): Promise<void> {
  await page.goto(`${stack.appUrl}/signin`);
  await page.getByLabel("Email").fill("staff@headland.test");
  await page.getByLabel("Password").fill("headland");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test("a revoked credential shows on the dashboard within seconds, by Leaf's alert alone", async ({ page }) => {
  const { name, leafUserId } = await connectedGrower();
  await signInAsStaff(page);
  await expect(page.getByText(/^Leaf alerts: (registered|last heard)/)).toBeVisible({ timeout: 20_000 });
  // Registered at start; an admin registering again finds it as wanted and changes nothing.
  await page.getByRole("button", { name: "Register Leaf alerts" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Leaf alerts were already registered." })).toBeVisible();
  await page.getByLabel("Search growers").fill(name);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(name) }) });
  const cell = row.getByRole("cell").nth(providerCases.indexOf(trimble));
  await expect(cell.getByText("Connected", { exact: true })).toBeVisible();

  const revokedAt = Date.now();
  await revoke(leafUserId);
  // The dashboard polls every 5 s; the alert itself is handled in well under a second.
  await expect(cell.getByText("Needs reconnect", { exact: true })).toBeVisible({ timeout: 10_000 });
  const seconds = (Date.now() - revokedAt) / 1000;
  console.log(`dashboard showed the revocation ${seconds.toFixed(1)} s after it happened`);
  await expect(page.getByText(/^Leaf alerts: last heard (just now|\d+ seconds ago)$/)).toBeVisible();
});

test("an alert Headland missed while it was down arrives with Leaf's retry", async () => {
  test.setTimeout(120_000);
  const { name, leafUserId } = await connectedGrower();
  expect(await trimbleStatusOf(name)).toBe("ok");

  await stack.crashApp();
  await revoke(leafUserId);
  await stack.restartApp();
  staff = await staffApi(stack);
  await expect.poll(() => trimbleStatusOf(name), { timeout: 60_000, intervals: [500] }).toBe("reauth");

  const deliveries = await sandboxControl(stack, "GET", "leaf/alerts/deliveries");
  const ours = deliveries.filter((d: { attempts: { outcome: string }[] }) => d.attempts.length > 1);
  expect(ours).toHaveLength(1);
  expect(ours[0].delivered).toBe(true);
  expect(ours[0].attempts[0].outcome).not.toBe("200");
  // The restart registered again and found its webhook as wanted: the same one carried every alert.
  expect(new Set(deliveries.map((d: { webhookId: string }) => d.webhookId)).size).toBe(1);
});
