import { existsSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContextOptions, expect, type Page, test } from "@playwright/test";
import { providerCase, region, signInAsStaff } from "./helpers";
import { connectProvider, newGrower, staffApi, staffStatePath } from "./support/api";

// The staff's grower page as people read it: Leaf's fields under names, times in the viewer's own zone,
// the whole invite link, Climate's "expires in N days", and at 360 px nothing cut off or sideways.

const climate = providerCase("climate-fieldview");
const phone = { width: 360, height: 780 };
const zone = "America/Sao_Paulo";

async function staffPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const signedIn = existsSync(staffStatePath);
  const context = await browser.newContext({ ...options, ...(signedIn ? { storageState: staffStatePath } : {}) });
  const page = await context.newPage();
  if (!signedIn) await signInAsStaff(page);
  return page;
}

/** A grower whose Climate FieldView connection Headland delivered to Leaf just now. */
async function growerWithClimate(): Promise<{ leafUserId: string; name: string }> {
  const grower = await newGrower(await staffApi(), undefined, "Page");
  await connectProvider(grower.api, climate.id);
  return grower;
}

/** The page once Leaf has validated the credential: it is rendered on the server, so it is reloaded until then. */
async function openGrowerPage(page: Page, leafUserId: string, name: string): Promise<void> {
  await expect(async () => {
    await page.goto(`/growers/${encodeURIComponent(leafUserId)}`);
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(region(page, climate.name).getByText("Connected", { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * axe on this page's own content. The layout's sandbox-mode note (components/sandbox-notice.tsx, on every
 * page, outside any landmark) is left to the site-wide axe pass, which owns the layout.
 */
async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).exclude('[role="note"][aria-label="Sandbox mode"]').analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("staff read Leaf's credential under names for people, with times in their own zone", async ({ browser }) => {
  const { leafUserId, name } = await growerWithClimate();
  const staff = await staffPage(browser, { timezoneId: zone, locale: "en-US" });
  await openGrowerPage(staff, leafUserId, name);
  const panel = region(staff, climate.name);

  for (const label of ["Leaf credential ID", "Status at Leaf", "Saved at Leaf", "Client ID", "Refresh token"])
    await expect(panel.getByRole("term").filter({ hasText: new RegExp(`^${label}$`) })).toBeVisible();
  // What a person sees, laid out: innerText, not textContent (which has the hidden table headers too).
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here.
  const main = (await staff.getByRole("main").innerText()).replace(/\s+/g, " ");
  for (const raw of ["createdTime", "clientId", "clientSecret", "refreshToken", "apiKey"])
    expect(main).not.toContain(raw);
  // No ISO timestamps and no "UTC" once the page knows the browser's zone.
  expect(main).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);

  // Each time says its moment in the viewer's zone (São Paulo here), as Intl writes it for their locale.
  const saved = panel.getByRole("definition").locator("time").first();
  const iso = (await saved.getAttribute("datetime"))!;
  const local = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: zone });
  await expect(saved).toHaveText(local.format(new Date(iso)));
  const firstRecord = staff
    .getByRole("table", { name: /audit trail/ })
    .locator("time")
    .first();
  const recordIso = (await firstRecord.getAttribute("datetime"))!;
  await expect(firstRecord).toHaveText(local.format(new Date(recordIso)));

  // Climate's refresh token lapses after 30 days unused: delivered just now, 30 days are left.
  await expect(panel.getByText(/^Expires in 30 days, on .+, unless Leaf uses it before then/)).toBeVisible();
  await expectNoAxeViolations(staff);
});

test("on a phone the invite link reads whole, the record becomes cards, and nothing scrolls sideways", async ({
  browser,
}) => {
  const { leafUserId, name } = await growerWithClimate();
  const staff = await staffPage(browser, { viewport: phone, timezoneId: zone });
  await openGrowerPage(staff, leafUserId, name);

  const link = staff.getByRole("textbox", { name: "Invite link" });
  const url = await link.inputValue();
  expect(url).toMatch(/^http:\/\/.+\/invite\/.+/);
  // Every character of the link is on screen: the field grew to hold it instead of hiding the rest.
  const overflow = await link.evaluate((el) => ({
    wide: el.scrollWidth - el.clientWidth,
    tall: el.scrollHeight - el.clientHeight,
  }));
  expect(overflow).toEqual({ wide: 0, tall: 0 });
  await expect(staff.getByRole("button", { name: "Copy invite link" })).toBeVisible();

  // A card per line of the record, each value under its own label.
  const record = staff.getByRole("table", { name: /audit trail/ });
  const line = record.getByRole("row").filter({ hasText: "Started connecting" }).first();
  await expect(line).toBeVisible();
  await expect(line).toContainText("When:");
  await expect(line).toContainText("How it ended:");
  const box = (await line.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(phone.width);

  const sideways = await staff.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(sideways).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(staff);
});
