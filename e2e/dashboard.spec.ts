import { existsSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { consent, invitedGrower, leafCredential, providerCases, region, sandboxControl, sandboxUrl, signInAsStaff, statusIn } from "./helpers";

// Staff at scale: the dashboard's live statuses, search and filter, a grower's page, and who may see
// them. The server and sandbox are shared with parallel tests, so every test works on growers with a
// name of its own and aims sandbox changes at its own Leaf users.

const appUrl = `http://127.0.0.1:${process.env.E2E_APP_PORT}`;
// The setup project signs staff in once per run (sign-in allows 10 attempts per account per 15 minutes).
const sharedStaffState = path.join(process.env.E2E_DATA_DIR!, "staff-session.json");

async function staffContext(browser: Browser): Promise<BrowserContext> {
  if (existsSync(sharedStaffState)) return browser.newContext({ storageState: sharedStaffState });
  const context = await browser.newContext();
  await signInAsStaff(await context.newPage());
  return context;
}

let unique = 0;
const uniqueName = (label: string) => `${label} ${Date.now().toString(36)}${process.pid}${++unique}`;

type Kind = "climate-field-view" | "john-deere" | "trimble";

/** Leaf users with credentials already in these statuses, straight into the sandbox. */
async function seedLeafUsers(page: Page, users: { name: string; credentials: Partial<Record<Kind, string>> }[]): Promise<string[]> {
  const response = await sandboxControl(page, "post", "leaf/seed", {
    users: users.map((u) => ({ ...u, email: `${u.name.toLowerCase().replace(/\W+/g, ".")}@dash.test` })),
  });
  return (await response.json()).ids;
}

async function importFromLeaf(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Import from Leaf" }).click();
  await expect(page.getByRole("status").filter({ hasText: "imported" })).toBeVisible();
}

const growerRow = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(name) }) });
const providerColumn: Record<string, number> = { "Climate FieldView": 0, "John Deere": 1, Trimble: 2 };
const cellOf = (page: Page, name: string, provider: string) => growerRow(page, name).getByRole("cell").nth(providerColumn[provider]!);

test("staff see a grower go from Connected to Needs reconnect without reloading, and why on the grower's page", async ({ browser }) => {
  const staff = await (await staffContext(browser)).newPage();
  const name = uniqueName("Revoked");
  const [leafUserId] = await seedLeafUsers(staff, [{ name, credentials: { "john-deere": "OK", trimble: "OK" } }]);

  await staff.goto("/dashboard");
  await importFromLeaf(staff);
  await staff.getByLabel("Search growers").fill(name);
  await expect(growerRow(staff, name)).toHaveCount(1);
  // The background sweep checks never-checked connections first.
  await expect(cellOf(staff, name, "John Deere").getByText("Connected", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(cellOf(staff, name, "Climate FieldView").getByText("Not connected", { exact: true })).toBeVisible();
  await expect(staff.getByText(/^Updated /)).toBeVisible();

  await staff.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  await sandboxControl(staff, "post", `leaf/users/${leafUserId}/john-deere-credentials/revoke`);
  await expect(cellOf(staff, name, "John Deere").getByText("Needs reconnect", { exact: true })).toBeVisible({ timeout: 25_000 });
  await expect(cellOf(staff, name, "John Deere")).toContainText(/since [A-Z][a-z]{2} \d{1,2}/);
  await expect(cellOf(staff, name, "Trimble").getByText("Connected", { exact: true })).toBeVisible();
  expect(await staff.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  await expect(staff).toHaveURL(new RegExp(`q=${encodeURIComponent(name).replace(/%20/g, "(\\+|%20)")}`));

  await staff.getByRole("link", { name }).click();
  await expect(staff.getByRole("heading", { name })).toBeVisible();
  const deere = region(staff, "John Deere");
  await expect(deere.getByRole("row").filter({ hasText: "Refresh token revoked by the user" }).filter({ hasText: "401" })).toBeVisible();
  const stored = await (await staff.request.get(`${sandboxUrl}/_sandbox/leaf/users/${leafUserId}/john-deere-credentials`)).json();
  await expect(deere.getByText(`••••${stored.refreshToken.slice(-4)}`)).toBeVisible();
  const html = await staff.content();
  for (const secret of [stored.refreshToken, stored.accessToken, stored.clientSecret]) expect(html).not.toContain(secret);
});

test("staff find growers by search and with the one-click Needs attention filter, kept in the URL", async ({ browser }) => {
  const staff = await (await staffContext(browser)).newPage();
  const prefix = uniqueName("Filter");
  const [brokenId] = await seedLeafUsers(staff, [
    { name: `${prefix} Broken`, credentials: { trimble: "UNAUTHENTICATED", "climate-field-view": "OK" } },
    { name: `${prefix} Fine`, credentials: { trimble: "OK" } },
  ]);
  await staff.goto("/dashboard");
  await importFromLeaf(staff);
  await staff.getByLabel("Search growers").fill(prefix);
  await expect(staff).toHaveURL(/[?&]q=Filter/);
  await expect(growerRow(staff, prefix)).toHaveCount(2);
  await expect(cellOf(staff, `${prefix} Broken`, "Trimble").getByText("Needs reconnect", { exact: true })).toBeVisible({ timeout: 20_000 });

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

test("staff send a new invite (the old link stops working), check now and disconnect from a grower's page", async ({ browser }) => {
  const staff = await (await staffContext(browser)).newPage();
  const name = uniqueName("Actions");
  const [leafUserId] = await seedLeafUsers(staff, [{ name, credentials: { trimble: "OK" } }]);
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
  const trimble = region(staff, "Trimble");
  await expect(trimble.getByText("Connected", { exact: true })).toBeVisible();
  await trimble.getByRole("button", { name: "Disconnect Trimble" }).click();
  await trimble.getByRole("button", { name: "Yes, disconnect" }).click();
  await expect(trimble.getByText("Not connected", { exact: true })).toBeVisible();
  await expect(trimble.getByText("Leaf holds no credential for Trimble.")).toBeVisible();
  await expect(staff.getByRole("row").filter({ hasText: "Disconnected Trimble" })).toBeVisible();
});

test("a grower cannot open the dashboard or another grower's page", async ({ browser }) => {
  const staff = await (await staffContext(browser)).newPage();
  const created = await staff.request.post("/api/growers", { data: { name: uniqueName("Nosy"), email: `nosy${Date.now()}@dash.test` }, headers: { origin: appUrl } });
  expect(created.status()).toBe(201);
  const { inviteUrl } = await created.json();
  const [otherId] = await seedLeafUsers(staff, [{ name: uniqueName("Other"), credentials: {} }]);

  const grower = await (await browser.newContext()).newPage();
  await grower.goto(inviteUrl);
  await expect(grower).toHaveURL(/\/connections$/);
  for (const target of ["/dashboard", `/growers/${otherId}`]) {
    const response = await grower.goto(target);
    expect(response?.status(), target).toBe(403);
    await expect(grower.getByRole("heading", { name: "You can't open this page" })).toBeVisible();
  }
  expect((await grower.request.get("/api/dashboard")).status()).toBe(403);
});

test("staff see why Leaf refused a credential, with its reference, and send it again", async ({ browser }) => {
  const trimble = providerCases.find((p) => p.id === "trimble")!;
  const { page: grower, leafUserId } = await invitedGrower(browser);
  await sandboxControl(grower, "post", "faults", { target: "leaf", mode: "status", status: 400, count: 1, path: `${leafUserId}/${trimble.leaf.path}` });
  await region(grower, trimble.name).getByRole("link", { name: "Connect Trimble" }).click();
  await consent(grower, trimble);
  await expect(statusIn(grower, trimble.name, "Error")).toBeVisible();

  const staff = await (await staffContext(browser)).newPage();
  await staff.goto(`/growers/${leafUserId}`);
  const notice = region(staff, trimble.name).getByRole("alert");
  await expect(notice).toContainText("Leaf refused this Trimble credential after 1 try");
  const reference = (await notice.locator("code").textContent())!;
  expect(reference).toMatch(/^[0-9a-f-]{36}$/);
  // The same reference beside the attempt in Headland's record, so staff can find its log lines.
  await expect(staff.getByRole("row").filter({ hasText: "Started connecting Trimble" }).filter({ hasText: reference })).toBeVisible();

  await region(staff, trimble.name).getByRole("button", { name: "Retry sending Trimble to Leaf" }).click();
  await expect(async () => {
    await staff.reload();
    await expect(region(staff, trimble.name).getByText(/^(Processing|Connected)$/)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(region(staff, trimble.name).getByRole("alert")).toHaveCount(0);
  expect((await leafCredential(staff, leafUserId, trimble.leaf.path)).postedBody.refreshToken).toMatch(/^trm_rt_/);
  await expect(staff.getByRole("row").filter({ hasText: "Started connecting Trimble" }).filter({ hasText: "Saved to Leaf" })).toBeVisible();
});

test("a staff action whose connection drops says so and can be tried again", async ({ browser }) => {
  const staff = await (await staffContext(browser)).newPage();
  const created = await staff.request.post("/api/growers", { data: { name: uniqueName("Offline"), email: `offline${Date.now()}@dash.test` }, headers: { origin: appUrl } });
  const { leafUserId } = await created.json();
  await staff.goto(`/growers/${leafUserId}`);

  await staff.route("**/check", (route) => route.abort("internetdisconnected"));
  await staff.getByRole("button", { name: "Check now" }).click();
  await expect(staff.getByRole("alert").filter({ hasText: "Leaf could not be asked right now" })).toBeVisible();
  await staff.unroute("**/check");
  await staff.getByRole("button", { name: "Check now" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Checked with Leaf just now." })).toBeVisible();
  await expect(staff.getByRole("alert").filter({ hasText: "Leaf could not be asked" })).toHaveCount(0);
});
