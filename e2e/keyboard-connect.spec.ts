import { existsSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { providerCase, region, statusIn } from "./helpers";
import { addGrower, apiContext, sharedStack, signIn, staffApi, staffStatePath } from "./support/api";

// A whole connect flow with the keyboard alone (Tab, Enter, Space): the invite link, /connections,
// Connect, the provider's consent page, Allow, and back to Connected.

const climate = providerCase("climate-fieldview");

/** Tabs forward until `target` has the focus; fails if it is not reachable within `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${target} with Tab`);
}

test("a grower connects Climate FieldView from the invite link with the keyboard alone", async ({ browser }) => {
  const staff = existsSync(staffStatePath) ? await staffApi() : await apiContext(sharedStack.appUrl);
  if (!existsSync(staffStatePath)) await signIn(staff, "staff", { email: "staff@headland.test", password: "headland" });
  const { inviteUrl } = await addGrower(staff, "Keyboard");
  const page = await (await browser.newContext()).newPage();

  await page.goto(inviteUrl);
  const proceed = page.getByRole("button", { name: /^Continue as / });
  await tabTo(page, proceed);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/connections$/);

  const connect = region(page, climate.name).getByRole("link", { name: `Connect ${climate.name}` });
  await tabTo(page, connect);
  await expect(connect).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: `Sign in to ${climate.name} (sandbox)` })).toBeVisible();
  const allow = page.getByRole("button", { name: "Allow" });
  await tabTo(page, allow);
  await page.keyboard.press("Space");

  await expect(page).toHaveURL(/\/connections\?connected=climate-fieldview/);
  await expect(statusIn(page, climate.name, "Connected")).toBeVisible({ timeout: 15_000 });
  // The focus order still leads to the card's quiet actions.
  await tabTo(page, region(page, climate.name).getByRole("button", { name: `Disconnect ${climate.name}` }));
});
