import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import {
  consent,
  invitedGrower,
  openAsGrower,
  type ProviderCase,
  providerCase,
  providerCases,
  region,
  signInAsStaff,
  statusIn,
} from "./helpers";
import {
  addGrower,
  leafCredential,
  refreshTokenPattern,
  sandboxControl,
  sharedStack,
  staffApi,
  staffStatePath,
} from "./support/api";
import { kindOf } from "./support/sandbox-spec";

// Staff at scale: the dashboard's live statuses, search and filter, a grower's page, and who may see
// them. The server and sandbox are shared with parallel tests, so every test works on growers with a
// name of its own and aims sandbox changes at its own Leaf users.

const [climate, deere, trimble] = [
  providerCase("climate-fieldview"),
  providerCase("john-deere"),
  providerCase("trimble"),
];

// The setup project signs staff in once per run (sign-in allows 10 attempts per account per 15 minutes).
async function staffContext(browser: Browser): Promise<BrowserContext> {
  if (existsSync(staffStatePath)) return browser.newContext({ storageState: staffStatePath });
  const context = await browser.newContext();
  await signInAsStaff(await context.newPage());
  return context;
}

let unique = 0;
const uniqueName = (label: string) => `${label} ${Date.now().toString(36)}${process.pid}${++unique}`;

/** Leaf users with credentials already in these statuses (Leaf's words, by provider), straight into the sandbox. */
async function seedLeafUsers(users: { name: string; credentials: [ProviderCase, string][] }[]): Promise<string[]> {
  const seeded = await sandboxControl(sharedStack, "POST", "leaf/seed", {
    users: users.map((u) => ({
      name: u.name,
      email: `${u.name.toLowerCase().replace(/\W+/g, ".")}@dash.test`,
      credentials: Object.fromEntries(u.credentials.map(([provider, status]) => [kindOf(provider.id), status])),
    })),
  });
  return seeded.ids;
}

async function importFromLeaf(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Import from Leaf" }).click();
  await expect(page.getByRole("status").filter({ hasText: "imported" })).toBeVisible();
}

const growerRow = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(name) }) });
// The dashboard has a column per provider, in the registry's order.
const cellOf = (page: Page, name: string, provider: ProviderCase) =>
  growerRow(page, name).getByRole("cell").nth(providerCases.indexOf(provider));

test("staff see a grower go from Connected to Needs reconnect without reloading, and why on the grower's page", async ({
  browser,
}) => {
  const staff = await (await staffContext(browser)).newPage();
  const name = uniqueName("Revoked");
  const [leafUserId] = await seedLeafUsers([
    {
      name,
      credentials: [
        [deere, "OK"],
        [trimble, "OK"],
      ],
    },
  ]);

  await staff.goto("/dashboard");
  await importFromLeaf(staff);
  await staff.getByLabel("Search growers").fill(name);
  await expect(growerRow(staff, name)).toHaveCount(1);
  // The background sweep checks never-checked connections first.
  await expect(cellOf(staff, name, deere).getByText("Connected", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(cellOf(staff, name, climate).getByText("Not connected", { exact: true })).toBeVisible();
  await expect(staff.getByText(/^Updated /)).toBeVisible();
  // Last checked: just now, in the reader's own zone and words (a <time> with the exact moment), not UTC.
  const lastChecked = growerRow(staff, name).getByRole("cell").last().locator("time");
  const checkedAt = new Date((await lastChecked.getAttribute("datetime"))!);
  expect(Date.now() - checkedAt.getTime()).toBeLessThan(120_000);
  const local = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
  await expect(lastChecked).toHaveText(local.format(checkedAt));

  await staff.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  await sandboxControl(sharedStack, "POST", `leaf/users/${leafUserId}/${deere.leaf.path}/revoke`);
  await expect(cellOf(staff, name, deere).getByText("Needs reconnect", { exact: true })).toBeVisible({
    timeout: 25_000,
  });
  await expect(cellOf(staff, name, deere)).toContainText(/since [A-Z][a-z]{2} \d{1,2}/);
  await expect(cellOf(staff, name, trimble).getByText("Connected", { exact: true })).toBeVisible();
  expect(await staff.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  await expect(staff).toHaveURL(new RegExp(`q=${encodeURIComponent(name).replace(/%20/g, "(\\+|%20)")}`));

  await staff.getByRole("link", { name }).click();
  await expect(staff.getByRole("heading", { name })).toBeVisible();
  const deereRegion = region(staff, deere.name);
  await expect(
    deereRegion.getByRole("row").filter({ hasText: "Refresh token revoked by the user" }).filter({ hasText: "401" }),
  ).toBeVisible();
  const stored = await leafCredential(sharedStack, leafUserId!, deere);
  await expect(deereRegion.getByText(`••••${stored.refreshToken.slice(-4)}`)).toBeVisible();
  const html = await staff.content();
  for (const secret of [stored.refreshToken, stored.accessToken, stored.clientSecret])
    expect(html).not.toContain(secret);
});

test("staff find growers by search and with the one-click Needs attention filter, kept in the URL", async ({
  browser,
}) => {
  const staff = await (await staffContext(browser)).newPage();
  const prefix = uniqueName("Filter");
  const [brokenId] = await seedLeafUsers([
    {
      name: `${prefix} Broken`,
      credentials: [
        [trimble, "UNAUTHENTICATED"],
        [climate, "OK"],
      ],
    },
    { name: `${prefix} Fine`, credentials: [[trimble, "OK"]] },
  ]);
  await staff.goto("/dashboard");
  await importFromLeaf(staff);
  await staff.getByLabel("Search growers").fill(prefix);
  await expect(staff).toHaveURL(/[?&]q=Filter/);
  await expect(growerRow(staff, prefix)).toHaveCount(2);
  await expect(cellOf(staff, `${prefix} Broken`, trimble).getByText("Needs reconnect", { exact: true })).toBeVisible({
    timeout: 20_000,
  });

  await staff.getByRole("button", { name: "Needs attention" }).click();
  await expect(growerRow(staff, prefix)).toHaveCount(1);
  await expect(growerRow(staff, `${prefix} Broken`)).toBeVisible();
  await expect(staff).toHaveURL(/status=attention/);

  await staff.reload();
  await expect(staff.getByLabel("Search growers")).toHaveValue(prefix);
  await expect(staff.getByRole("button", { name: "Needs attention" })).toHaveAttribute("aria-pressed", "true");
  await expect(growerRow(staff, prefix)).toHaveCount(1);

  await staff.getByRole("button", { name: "Needs attention" }).click();
  await staff.getByLabel("Search growers").fill(brokenId!);
  await expect(growerRow(staff, prefix)).toHaveCount(1);
  await expect(growerRow(staff, `${prefix} Broken`)).toBeVisible();
});

test("staff send a new invite (the old link stops working), check now and disconnect from a grower's page", async ({
  browser,
}) => {
  const staff = await (await staffContext(browser)).newPage();
  const name = uniqueName("Actions");
  const [leafUserId] = await seedLeafUsers([{ name, credentials: [[trimble, "OK"]] }]);
  await staff.goto("/dashboard");
  await importFromLeaf(staff);
  await staff.goto(`/growers/${leafUserId}`);

  await expect(staff.getByRole("button", { name: "Copy invite link" })).toHaveCount(0);
  await staff.getByRole("button", { name: "Send new invite" }).click();
  const field = staff.getByRole("textbox", { name: "Invite link" });
  await expect(field).toHaveValue(/\/invite\//);
  const firstLink = await field.inputValue();
  await staff.getByRole("button", { name: "Send new invite" }).click();
  await expect(field).not.toHaveValue(firstLink);
  await expect(staff.getByRole("button", { name: "Copy invite link" })).toBeVisible();
  const oldLink = await (await browser.newContext()).newPage();
  await oldLink.goto(firstLink);
  await expect(oldLink.getByRole("heading", { name: "This invite link no longer works" })).toBeVisible();

  await staff.getByRole("button", { name: "Check now" }).click();
  const card = region(staff, trimble.name);
  await expect(card.getByText("Connected", { exact: true })).toBeVisible();
  await card.getByRole("button", { name: "Disconnect Trimble" }).click();
  await card.getByRole("button", { name: "Yes, disconnect" }).click();
  await expect(card.getByText("Not connected", { exact: true })).toBeVisible();
  await expect(card.getByText("Leaf holds no credential for Trimble.")).toBeVisible();
  await expect(staff.getByRole("row").filter({ hasText: "Disconnected Trimble" })).toBeVisible();
});

test("a grower cannot open the dashboard or another grower's page", async ({ browser }) => {
  const { inviteUrl } = await addGrower(await staffApi(), "Nosy");
  const [otherId] = await seedLeafUsers([{ name: uniqueName("Other"), credentials: [] }]);

  const { page: grower } = await openAsGrower(browser, inviteUrl);
  for (const target of ["/dashboard", `/growers/${otherId}`]) {
    const response = await grower.goto(target);
    expect(response?.status(), target).toBe(403);
    await expect(grower.getByRole("heading", { name: "You can't open this page" })).toBeVisible();
  }
  expect((await grower.request.get("/api/dashboard")).status()).toBe(403);
});

test("staff see why Leaf refused a credential, with its reference, and send it again", async ({ browser }) => {
  const { page: grower, leafUserId } = await invitedGrower(browser);
  await sandboxControl(sharedStack, "POST", "faults", {
    target: "leaf",
    mode: "status",
    status: 400,
    count: 1,
    method: "POST",
    path: `${leafUserId}/${trimble.leaf.path}`,
  });
  await region(grower, trimble.name).getByRole("link", { name: "Connect Trimble" }).click();
  // Leaf refused it, so the grower never reaches Trimble's organization step.
  await consent(grower, trimble, "Allow", { organizations: false });
  await expect(statusIn(grower, trimble.name, "Error")).toBeVisible();

  const staff = await (await staffContext(browser)).newPage();
  await staff.goto(`/growers/${leafUserId}`);
  const notice = region(staff, trimble.name).getByRole("alert");
  await expect(notice).toContainText("Leaf refused this Trimble credential after 1 try");
  const reference = (await notice.locator("code").textContent())!;
  expect(reference).toMatch(/^[0-9a-f-]{36}$/);
  // The same reference beside the attempt in Headland's record, so staff can find its log lines.
  await expect(
    staff.getByRole("row").filter({ hasText: "Started connecting Trimble" }).filter({ hasText: reference }),
  ).toBeVisible();

  await region(staff, trimble.name).getByRole("button", { name: "Retry sending Trimble to Leaf" }).click();
  await expect(async () => {
    await staff.reload();
    // Saved without the organization step: it settles as sharing nothing.
    await expect(region(staff, trimble.name).getByText(/^(Processing|Connected, sharing nothing)$/)).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
  await expect(region(staff, trimble.name).getByRole("alert")).toHaveCount(0);
  expect((await leafCredential(sharedStack, leafUserId, trimble)).postedBody.refreshToken).toMatch(
    refreshTokenPattern(trimble),
  );
  await expect(
    staff.getByRole("row").filter({ hasText: "Started connecting Trimble" }).filter({ hasText: "Saved to Leaf" }),
  ).toBeVisible();
});

test("a staff action whose connection drops says so and can be tried again", async ({ browser }) => {
  const staff = await (await staffContext(browser)).newPage();
  const { leafUserId } = await addGrower(await staffApi(), "Offline");
  await staff.goto(`/growers/${leafUserId}`);

  await staff.route("**/check", (route) => route.abort("internetdisconnected"));
  await staff.getByRole("button", { name: "Check now" }).click();
  await expect(staff.getByRole("alert").filter({ hasText: "Leaf could not be asked right now" })).toBeVisible();
  await staff.unroute("**/check");
  await staff.getByRole("button", { name: "Check now" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Checked with Leaf just now." })).toBeVisible();
  await expect(staff.getByRole("alert").filter({ hasText: "Leaf could not be asked" })).toHaveCount(0);
});
