import { expect, request, test } from "@playwright/test";
import { signInAsStaff } from "../helpers";
import {
  addGrower,
  apiContext,
  inviteToken,
  newGrower,
  postSignIn,
  sharedAppUrl,
  staffApi,
  staffStatePath,
} from "../support/api";

// Expiry (7 days) is proven in lib/auth/invites.test.ts with a moved clock; here, what a browser can do.

async function signsIn(token: string): Promise<boolean> {
  const api = await apiContext(sharedAppUrl);
  const url = await postSignIn(api, "invite", { token });
  const session = await (await api.get("/api/auth/session")).json();
  await api.dispose();
  return !url.includes("error=") && Boolean(session.leafUserId);
}

test("a revoked invite no longer signs anyone in: staff sending a new invite revokes the old link", async ({
  page,
}) => {
  const staff = await staffApi();
  const grower = await addGrower(staff);
  const sent = await staff.post(`/api/growers/${encodeURIComponent(grower.leafUserId)}/invites`);
  expect(sent.status()).toBe(201);
  const { inviteUrl: newUrl } = await sent.json();

  expect(await signsIn(inviteToken(grower.inviteUrl))).toBe(false);
  await page.goto(grower.inviteUrl);
  await expect(page.getByRole("heading", { name: "This invite link no longer works" })).toBeVisible();
  expect(await signsIn(inviteToken(newUrl))).toBe(true);
});

test("a forged or altered invite token signs nobody in", async () => {
  const staff = await staffApi();
  const [a, b] = [await addGrower(staff), await addGrower(staff)];
  const [idA, macA] = inviteToken(a.inviteUrl).split(".") as [string, string];
  const [idB, macB] = inviteToken(b.inviteUrl).split(".") as [string, string];
  for (const forged of [
    `${idA}.${macB}`,
    `${idB}.${macA}`,
    `${idA}.${macA.slice(0, -1)}`,
    `${idA}.${macA}.x`,
    idA,
    `${crypto.randomUUID()}.${macA}`,
    `${idA}.${"A".repeat(macA.length)}`,
    "",
    "../../api/auth/session",
  ]) {
    expect(await signsIn(forged), forged).toBe(false);
  }
});

// An invite link is not a bearer pass: it works a few times, each use is recorded, and whoever opens it
// sees whose accounts they are about to connect before anything happens.

const emailOf = (name: string) => `${name.toLowerCase().replace(/\W+/g, ".")}@farm.test`;

test("a link works 3 times by default; a 4th use is refused and the page asks for a new link", async ({ page }) => {
  const grower = await addGrower(await staffApi());
  const token = inviteToken(grower.inviteUrl);
  for (let use = 1; use <= 3; use++) expect(await signsIn(token), `use ${use}`).toBe(true);
  expect(await signsIn(token), "use 4").toBe(false);
  await page.goto(grower.inviteUrl);
  await expect(page.getByRole("heading", { name: "This invite link no longer works" })).toBeVisible();
  await expect(page.getByText("used as many times as it allows. Ask the person who invited you")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Continue as / })).toHaveCount(0);
});

test("staff choose how many times a new link works, from 1 to 10", async () => {
  const staff = await staffApi();
  const grower = await addGrower(staff);
  const invites = `/api/growers/${encodeURIComponent(grower.leafUserId)}/invites`;
  for (const maxUses of [0, 11, 2.5, "3", null]) {
    expect((await staff.post(invites, { data: { maxUses } })).status(), String(maxUses)).toBe(400);
  }
  const sent = await staff.post(invites, { data: { maxUses: 1 } });
  expect(sent.status()).toBe(201);
  const token = inviteToken((await sent.json()).inviteUrl);
  expect(await signsIn(token)).toBe(true);
  expect(await signsIn(token)).toBe(false);
});

test("staff see how often a link was used, from what, and when it expires", async ({ browser }) => {
  const grower = await addGrower(await staffApi());
  expect(await signsIn(inviteToken(grower.inviteUrl))).toBe(true);
  const growerPage = await (await browser.newContext()).newPage();
  await growerPage.goto(grower.inviteUrl);
  await growerPage.getByRole("button", { name: `Continue as ${grower.name}` }).click();
  await expect(growerPage).toHaveURL(/\/connections$/);

  const staff = await (await browser.newContext({ storageState: staffStatePath })).newPage();
  await staff.goto(`/growers/${encodeURIComponent(grower.leafUserId)}`);
  await expect(staff.getByText(/^Invite link: used 2 of 3 times, expires [A-Z][a-z]{2} \d{1,2}\.$/)).toBeVisible();
  const uses = staff.getByRole("list", { name: "Invite link uses" }).getByRole("listitem");
  await expect(uses).toHaveCount(2);
  await expect(uses.nth(0)).toContainText("Another app or browser");
  await expect(uses.nth(1)).toContainText("Chrome");

  // A new link with the number of uses staff chose; its count starts again.
  await staff.getByLabel("Invite uses").selectOption("1");
  await staff.getByRole("button", { name: "Send new invite" }).click();
  await expect(staff.getByText(/^Invite link: used 0 of 1 time, expires /)).toBeVisible();
  await expect(staff.getByRole("list", { name: "Invite link uses" })).toHaveCount(0);
});

test("the landing page names the grower and signs nobody in until they confirm", async ({ page }) => {
  const grower = await addGrower(await staffApi());
  await page.goto(grower.inviteUrl);
  await expect(page.getByRole("heading", { name: `Connecting accounts for ${grower.name}` })).toBeVisible();
  await expect(
    page.getByText(`Connecting accounts for ${grower.name}, ${emailOf(grower.name)}. Not you?`, { exact: false }),
  ).toBeVisible();
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});

  await page.getByRole("button", { name: `Continue as ${grower.name}` }).click();
  await expect(page).toHaveURL(/\/connections$/);
  await expect(page.getByRole("heading", { name: `Connections for ${grower.name}` })).toBeVisible();
});

test("a staff browser opening an invite is asked before its staff session is replaced", async ({ browser }) => {
  const grower = await addGrower(await staffApi());
  const context = await browser.newContext();
  const page = await context.newPage();
  // A staff session of this test's own: continuing signs it out, which must not touch the run's shared one.
  await signInAsStaff(page);
  const staffState = await context.storageState();

  await page.goto(grower.inviteUrl);
  await expect(
    page.getByRole("alert").filter({ hasText: "This browser is signed in as staff (staff@headland.test)" }),
  ).toBeVisible();
  expect((await (await page.request.get("/api/auth/session")).json()).role).toBe("staff");
  await page.getByRole("link", { name: /^Stay signed in as staff/ }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto(grower.inviteUrl);
  await page.getByRole("button", { name: `Continue as ${grower.name}` }).click();
  await expect(page.getByRole("heading", { name: `Connections for ${grower.name}` })).toBeVisible();
  // The replaced staff session was ended, not just dropped from this browser.
  const oldStaff = await request.newContext({ baseURL: sharedAppUrl, storageState: staffState });
  expect((await oldStaff.get("/api/dashboard")).status()).toBe(401);
});

test("a grower's browser opening another grower's link is told whose session it holds", async ({ browser }) => {
  const staff = await staffApi();
  const [ada, bo] = [await newGrower(staff), await addGrower(staff)];
  const page = await (await browser.newContext({ storageState: await ada.api.storageState() })).newPage();
  await page.goto(bo.inviteUrl);
  await expect(page.getByRole("alert").filter({ hasText: `This browser is signed in as ${ada.name}` })).toBeVisible();
  expect((await (await page.request.get("/api/auth/session")).json()).leafUserId).toBe(ada.leafUserId);
});
