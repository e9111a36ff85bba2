import { expect, test } from "@playwright/test";
import { providerCase, region } from "./helpers";
import { apiContext, connectProvider, newGrower, sharedStack, signIn } from "./support/api";

// The grower's page on a slow connection: what it says and what Connect does must not wait for the
// page's JavaScript. A context with JavaScript off is the page as it stands before hydration.

const [climate, deere] = [providerCase("climate-fieldview"), providerCase("john-deere")];

test("without JavaScript, /connections shows each status from the server and Connect is a working link", async ({
  browser,
}) => {
  const staff = await apiContext(sharedStack.appUrl);
  await signIn(staff, "staff", { email: "staff@headland.test", password: "headland" });
  const grower = await newGrower(staff, sharedStack, "No JS");
  await connectProvider(grower.api, deere.id);

  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await grower.api.storageState() });
  const page = await context.newPage();
  await page.goto("/connections");
  await expect(page.getByRole("heading", { name: `Connections for ${grower.name}` })).toBeVisible();
  // Server-rendered statuses: one never connected, one just connected (whichever step Leaf is at).
  await expect(region(page, climate.name).getByText("Not connected", { exact: true })).toBeVisible();
  await expect(region(page, deere.name).getByText("Not connected", { exact: true })).toHaveCount(0);
  await expect(region(page, deere.name).getByRole("link", { name: `Reconnect ${deere.name}` })).toBeVisible();

  // A plain link: following it starts the flow on the server and lands on the provider's consent page.
  await region(page, climate.name)
    .getByRole("link", { name: `Connect ${climate.name}` })
    .click();
  await expect(page).toHaveURL((url) => url.origin === sharedStack.sandboxUrl);

  // Signing out is a plain form too, and it ends the session on the server, not only in this browser.
  await page.goto("/connections");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect((await grower.api.get("/api/auth/session")).ok()).toBe(true);
  expect(await (await grower.api.get("/api/auth/session")).json()).toEqual({});
  await context.close();
});
