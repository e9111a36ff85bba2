import { existsSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { addGrower, openAsGrower, providerCase, region, signInAsStaff, statusIn } from "./helpers";
import { sharedStack, staffStatePath } from "./support/api";

// Deere's and Trimble's organization step: a connection that shares no organization moves no data, and
// the grower, staff and the dashboard's Needs attention filter all say so until the grower chooses one.

const [deere, trimble] = [providerCase("john-deere"), providerCase("trimble")];
const selectHeading = (page: Page) => page.getByRole("heading", { name: "Select organizations (sandbox)" });

async function staffPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext(existsSync(staffStatePath) ? { storageState: staffStatePath } : {});
  const page = await context.newPage();
  if (!existsSync(staffStatePath)) await signInAsStaff(page);
  return page;
}

async function growerWithName(browser: Browser, label: string) {
  const staff = await staffPage(browser);
  await staff.goto("/dashboard");
  const name = `${label} ${Date.now().toString(36)}${process.pid}`;
  const { inviteUrl } = await addGrower(staff, name);
  return { staff, name, ...(await openAsGrower(browser, inviteUrl)) };
}

test("a grower who presses Done at John Deere without choosing is told no data flows, and fixes it", async ({
  browser,
}) => {
  const { staff, name, page, leafUserId } = await growerWithName(browser, "Orgless");
  const card = region(page, deere.name);
  await card.getByRole("link", { name: "Connect John Deere" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(selectHeading(page)).toBeVisible();
  await page.getByRole("button", { name: "Done" }).click();

  await expect(page).toHaveURL(/\/connections\?connected=john-deere/);
  await expect(statusIn(page, deere.name, "Connected, sharing nothing")).toBeVisible({ timeout: 15_000 });
  const sentence = "No farm data will flow until you choose at least one organization in John Deere.";
  await expect(page.getByRole("status").filter({ hasText: sentence })).toBeVisible();
  await expect(card.getByText(sentence)).toBeVisible();
  await expect(page.getByText(/Thanks! John Deere is linked/)).toHaveCount(0);
  const choose = card.getByRole("link", { name: "Choose organizations in John Deere" });
  await expect(choose).toHaveAttribute("href", new RegExp(`^${sharedStack.sandboxUrl}/deere/connections/`));

  // Staff see it on the dashboard, under Needs attention, and the organizations on the grower's page.
  await staff.goto("/dashboard");
  await staff.getByLabel("Search growers").fill(name);
  await staff.getByRole("button", { name: "Needs attention" }).click();
  const row = staff.getByRole("row").filter({ has: staff.getByRole("rowheader", { name }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("Connected, sharing nothing", { exact: true })).toBeVisible();
  await staff.goto(`/growers/${encodeURIComponent(leafUserId)}`);
  const staffCard = region(staff, deere.name);
  await expect(staffCard.getByText("Connected, sharing nothing", { exact: true })).toBeVisible();
  const notConnected = staffCard.getByRole("region", { name: "John Deere organizations not connected" });
  await expect(notConnected.getByRole("listitem")).toHaveText(["Prairie Wind Farms", "Cedar Creek Ag"]);

  await choose.click();
  await expect(selectHeading(page)).toBeVisible();
  await page.getByRole("checkbox", { name: "Cedar Creek Ag" }).check();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("heading", { name: "Organizations saved (sandbox)" })).toBeVisible();
  await page.goto("/connections");
  await expect(statusIn(page, deere.name, "Connected")).toBeVisible({ timeout: 15_000 });
  await expect(card.getByRole("link", { name: "Choose organizations in John Deere" })).toHaveCount(0);

  await staff.reload();
  const connected = region(staff, deere.name).getByRole("region", { name: "John Deere connected organizations" });
  await expect(connected.getByRole("listitem")).toHaveText(["Cedar Creek Ag"]);
});

test("after Trimble's consent the grower chooses organizations on Trimble Ag's page and comes back", async ({
  browser,
}) => {
  const { page } = await growerWithName(browser, "Trimble orgs");
  await region(page, trimble.name).getByRole("link", { name: "Connect Trimble" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(selectHeading(page)).toBeVisible();
  const visited = new URL(page.url());
  expect(`${visited.origin}${visited.pathname}`).toBe(
    `${sharedStack.sandboxUrl}/trimble/ThirdPartyAccess/ThirdPartyAuthorizationRedirect`,
  );
  expect(visited.searchParams.get("clientid")).toBe(trimble.sandbox.client.clientId);
  await page.getByRole("checkbox", { name: "Bluestem Farms" }).check();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page).toHaveURL(/\/connections\?connected=trimble/);
  await expect(page.getByRole("status").filter({ hasText: "Thanks! Trimble is linked." })).toBeVisible();
  await expect(statusIn(page, trimble.name, "Connected")).toBeVisible({ timeout: 15_000 });
});
