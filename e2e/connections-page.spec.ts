import { existsSync } from "node:fs";
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Locator,
  type Page,
  test,
} from "@playwright/test";
import { consent, providerCase, region, statusIn } from "./helpers";
import {
  addGrower,
  apiContext,
  connectProvider,
  growerApi,
  sandboxControl,
  sharedStack,
  signIn,
  staffApi,
  staffStatePath,
} from "./support/api";

// The grower's /connections page around a consent flow: the one loud button, the stepper, the "linked"
// banner that goes once it is true, the callback's refusal page dressed like the app, and a phone's width.

const [climate, deere, trimble] = [
  providerCase("climate-fieldview"),
  providerCase("john-deere"),
  providerCase("trimble"),
];
const filled = "rgb(22, 101, 52)";

let staff: APIRequestContext;
test.beforeAll(async () => {
  // The sign-in limit is 10 per account per 15 minutes: reuse the setup's session where there is one.
  if (existsSync(staffStatePath)) staff = await staffApi();
  else {
    staff = await apiContext(sharedStack.appUrl);
    await signIn(staff, "staff", { email: "staff@headland.test", password: "headland" });
  }
});

async function growerPage(browser: Browser, options: { locale?: string; width?: number } = {}) {
  const grower = await addGrower(staff, "Connections page");
  const api = await growerApi(sharedStack, grower.inviteUrl);
  const context = await browser.newContext({
    storageState: await api.storageState(),
    ...(options.width ? { viewport: { width: options.width, height: 780 } } : {}),
  });
  if (options.locale) await setLocale(context, options.locale);
  const page = await context.newPage();
  await page.goto("/connections");
  return { page, api, leafUserId: grower.leafUserId };
}

/** The language switch's choice, which outranks the browser's (and the one a sign-in may have set). */
const setLocale = (context: BrowserContext, locale: string) =>
  context.addCookies([{ name: "headland-locale", value: locale, url: sharedStack.appUrl }]);

const background = (link: Locator) => link.evaluate((el) => getComputedStyle(el).backgroundColor);
const stepper = (page: Page, name: string) => region(page, name).getByRole("list", { name: `Connecting ${name}` });
const currentStep = (list: Locator) => list.locator('[aria-current="step"]');

test("Connect is the one filled button; after consent the card shows its steps, and the thanks goes", async ({
  browser,
}) => {
  const { page } = await growerPage(browser);
  const card = region(page, climate.name);
  expect(await background(card.getByRole("link", { name: `Connect ${climate.name}` }))).toBe(filled);
  await expect(stepper(page, climate.name)).toHaveCount(0);

  await card.getByRole("link", { name: `Connect ${climate.name}` }).click();
  await consent(page, climate);
  const thanks = page.getByRole("status").filter({ hasText: `Thanks! ${climate.name} is linked.` });
  await expect(statusIn(page, climate.name, "Processing")).toBeVisible();
  await expect(thanks).toBeVisible();
  // Settling: progress, and no loud Reconnect.
  await expect(currentStep(stepper(page, climate.name))).toHaveText(/Saving to Leaf/);
  expect(await background(card.getByRole("link", { name: `Reconnect ${climate.name}` }))).not.toBe(filled);

  await expect(statusIn(page, climate.name, "Connected")).toBeVisible({ timeout: 15_000 });
  await expect(thanks).toHaveCount(0);
  await expect(currentStep(stepper(page, climate.name))).toHaveText(/Done/);
  // All is well: nothing loud, Reconnect and Disconnect are quiet.
  expect(await background(card.getByRole("link", { name: `Reconnect ${climate.name}` }))).not.toBe(filled);
  await expect(card.getByRole("button", { name: `Disconnect ${climate.name}` })).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.has("connected")).toBe(false);

  await page.reload();
  await expect(statusIn(page, climate.name, "Connected")).toBeVisible();
  await expect(page.getByText(/is linked/)).toHaveCount(0);
  await expect(stepper(page, climate.name)).toHaveCount(0);
});

test("a revoked connection makes Reconnect the filled button, with the doctor's sentence", async ({ browser }) => {
  const { page, api, leafUserId } = await growerPage(browser);
  await connectProvider(api, climate.id);
  await expect(async () => {
    await page.reload();
    await expect(statusIn(page, climate.name, "Connected")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await sandboxControl(sharedStack, "POST", `leaf/users/${leafUserId}/${climate.leaf.path}/revoke`);
  await page.reload();
  const card = region(page, climate.name);
  await expect(statusIn(page, climate.name, "Needs reconnect")).toBeVisible();
  await expect(card.getByText(/Reconnect to resume/)).toBeVisible();
  expect(await background(card.getByRole("link", { name: `Reconnect ${climate.name}` }))).toBe(filled);
});

test("a denied consent comes back with the step where it stopped and a Try again", async ({ browser }) => {
  const { page } = await growerPage(browser);
  await region(page, deere.name)
    .getByRole("link", { name: `Connect ${deere.name}` })
    .click();
  await consent(page, deere, "Deny");
  const alert = page.getByRole("alert").filter({ hasText: /\S/ });
  await expect(alert).toContainText(`${deere.name} was not connected`);
  const steps = alert.getByRole("list", { name: `Connecting ${deere.name}` });
  await expect(steps.getByRole("listitem")).toHaveText([
    /Sign in to John Deere/,
    /Choose organizations/,
    /Saving to Leaf/,
    /Done/,
  ]);
  await expect(currentStep(steps)).toHaveText(/Sign in to John Deere \(Stopped here\)/);
  await expect(alert.getByRole("link", { name: "Try again" })).toHaveAttribute("href", `/api/connect/${deere.id}`);
});

test("the callback's refusal page has the app's header, font and stepper, in the grower's language", async ({
  browser,
}) => {
  const { page } = await growerPage(browser);
  const appFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  const response = await page.goto(`/api/connect/${trimble.id}/callback?code=abc&state=not-a-state-we-made`);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "This sign-in link has expired" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Headland" })).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toBe(appFont);
  const steps = page.getByRole("list", { name: `Connecting ${trimble.name}` });
  await expect(currentStep(steps)).toHaveText(/Sign in to Trimble/);
  await page.getByRole("link", { name: "Back to your connections" }).click();
  await expect(page).toHaveURL(/\/connections$/);

  const spanish = await growerPage(browser, { locale: "es" });
  const refused = await spanish.page.goto(`/api/connect/${trimble.id}/callback?code=abc&state=nope`);
  expect(refused?.status()).toBe(400);
  await expect(spanish.page.locator("html")).toHaveAttribute("lang", "es");
  await expect(spanish.page.getByRole("heading", { name: "Este enlace de inicio de sesión caducó" })).toBeVisible();
  await expect(spanish.page.getByRole("link", { name: "Volver a sus conexiones" })).toBeVisible();
});

test("a flow left at the provider (tab closed) starts again cleanly from /connections", async ({ browser }) => {
  const { page } = await growerPage(browser);
  await region(page, trimble.name)
    .getByRole("link", { name: `Connect ${trimble.name}` })
    .click();
  await expect(page.getByRole("heading", { name: `Sign in to ${trimble.name} (sandbox)` })).toBeVisible();
  const context = page.context();
  await page.close();

  const again = await context.newPage();
  await again.goto("/connections");
  await expect(statusIn(again, trimble.name, "Not connected")).toBeVisible();
  await region(again, trimble.name)
    .getByRole("link", { name: `Connect ${trimble.name}` })
    .click();
  await consent(again, trimble);
  await expect(statusIn(again, trimble.name, "Connected")).toBeVisible({ timeout: 15_000 });
});

test("at 360 px nothing on /connections scrolls sideways, with a failure and a settling card on it", async ({
  browser,
}) => {
  const { page } = await growerPage(browser, { width: 360 });
  await region(page, climate.name)
    .getByRole("link", { name: `Connect ${climate.name}` })
    .click();
  await consent(page, climate);
  await region(page, trimble.name)
    .getByRole("link", { name: `Connect ${trimble.name}` })
    .click();
  await consent(page, trimble, "Deny");
  for (const locale of ["en", "es", "pt-BR"]) {
    await setLocale(page.context(), locale);
    await page.goto(`/connections?error=access_denied&provider=${trimble.id}`);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toBeVisible();
    await expect(region(page, climate.name).getByRole("heading", { name: climate.name })).toBeVisible();
    const [scrollWidth, innerWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(scrollWidth, `${locale}: page ${scrollWidth} px wide at ${innerWidth} px`).toBeLessThanOrEqual(innerWidth!);
  }
});
