import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { freePort } from "../lib/testing/free-port";
import { findLeaks } from "./security/leaks";
import { apiContext, postSignIn } from "./support/api";
import { type Idp, startIdp } from "./support/oidc-idp";
import { startStack, startTappedStack, type TappedStack } from "./support/stack";

// One stack with single sign-on as the only way in for staff; its own OpenID provider beside it.
test.describe.configure({ mode: "serial" });

const clientSecret = `headland-idp-secret-${randomBytes(24).toString("base64url")}`;
let stack: TappedStack;
let idp: Idp;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const issuer = `http://127.0.0.1:${await freePort()}`;
  stack = await startTappedStack({
    HEADLAND_OIDC_ISSUER: issuer,
    HEADLAND_OIDC_CLIENT_ID: "headland",
    HEADLAND_OIDC_CLIENT_SECRET: clientSecret,
    HEADLAND_OIDC_ALLOWED_DOMAINS: "partner.test",
    HEADLAND_OIDC_NAME: "Partner ID",
    HEADLAND_PASSWORD_SIGNIN: "off",
  });
  idp = await startIdp({
    issuer,
    client: { id: "headland", secret: clientSecret, redirectUri: `${stack.appUrl}/api/auth/callback/sso` },
    accounts: {
      "ada@partner.test": { email: "ada@partner.test", email_verified: true, name: "Ada" },
      "eve@elsewhere.test": { email: "eve@elsewhere.test", email_verified: true, name: "Eve" },
    },
  });
});

test.afterAll(async () => {
  await idp?.stop();
  await stack?.stop();
});

/** The provider's development pages: any password, then consent. */
async function signInAtIdp(page: Page, login: string) {
  await page.goto(`${stack.appUrl}/signin`);
  await page.getByRole("button", { name: "Sign in with Partner ID" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

async function sessionOf(page: Page) {
  return (await page.request.get(`${stack.appUrl}/api/auth/session`)).json();
}

test.beforeEach(async ({ page }) => {
  // The provider's development pages import a web font; this machine has no internet to fetch it from.
  await page.route(/fonts\.googleapis\.com/, (route) => route.abort());
});

test("a partner employee signs in with single sign-on and reaches the dashboard as staff", async ({ page }) => {
  await signInAtIdp(page, "ada@partner.test");
  await expect(page).toHaveURL(`${stack.appUrl}/dashboard`);
  await expect(page.getByRole("heading", { name: "Growers", level: 1 })).toBeVisible();
  expect(await sessionOf(page)).toMatchObject({ role: "staff", user: { email: "ada@partner.test" } });
});

test("someone outside the allowed domain is refused in a plain sentence and gets no session", async ({ page }) => {
  await signInAtIdp(page, "eve@elsewhere.test");
  await expect(page).toHaveURL(`${stack.appUrl}/signin?error=sso_not_allowed`);
  // Next's route announcer is an empty alert too: the page's own is the one with words.
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "This account may not sign in to Headland. Use your work account, or ask an admin.",
  );
  expect(await sessionOf(page)).toEqual({});
  await page.goto(`${stack.appUrl}/dashboard`);
  await expect(page).toHaveURL(/\/signin/);
});

test("with password sign-in off, the form is gone and a password POST is refused", async ({ page }) => {
  await page.goto(`${stack.appUrl}/signin`);
  await expect(page.getByRole("button", { name: "Sign in with Partner ID" })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await expect(page.getByText("Sandbox mode: sign in as")).toHaveCount(0);

  const api = await apiContext(stack.appUrl);
  // The sandbox's staff account exists with its password: only the switch refuses it.
  const url = await postSignIn(api, "staff", { email: "staff@headland.test", password: "headland" });
  expect(url).toContain("error=password_sign_in_off");
  expect(await (await api.get("/api/auth/session")).json()).toEqual({});
  await api.dispose();
});

test("the provider's client secret appears in no page, redirect, cookie or log line of this stack", () => {
  const { leaks, logLines } = findLeaks(stack.tapDir, [clientSecret]);
  expect(logLines).toBeGreaterThan(0);
  expect(leaks).toEqual([]);
});

test("with password sign-in on (the default), staff see the single sign-on button and the password form", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const both = await startStack({
    HEADLAND_OIDC_ISSUER: "http://127.0.0.1:9",
    HEADLAND_OIDC_CLIENT_ID: "headland",
    HEADLAND_OIDC_CLIENT_SECRET: clientSecret,
    HEADLAND_OIDC_ALLOWED_DOMAINS: "partner.test",
  });
  try {
    await page.goto(`${both.appUrl}/signin`);
    await expect(page.getByRole("button", { name: "Sign in with single sign-on" })).toBeVisible();
    await expect(page.getByLabel("Password")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  } finally {
    await both.stop();
  }
});
