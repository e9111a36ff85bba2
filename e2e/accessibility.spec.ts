import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { locales } from "../i18n/locales";
import {
  addGrower,
  connectProvider,
  growerApi,
  sharedAppUrl,
  sharedStack,
  staffApi,
  staffStatePath,
} from "./support/api";

// axe-core on every page a person meets, in each language, on a phone (360 px) and a desktop: zero
// violations. One context per role, reused across pages, languages (a cookie) and widths (the viewport).

const widths = [
  { name: "phone", width: 360, height: 740 },
  { name: "desktop", width: 1280, height: 800 },
];

async function setLanguage(context: BrowserContext, locale: string) {
  await context.addCookies([{ name: "headland-locale", value: locale, url: sharedAppUrl }]);
}

/** Every violation as one readable line: rule, impact, and where. */
async function violations(page: Page): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).analyze();
  return found.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** A page to scan; `open` names a button to press first, for a control the page shows only on demand. */
type Scanned = { name: string; url: string; open?: string };

async function scan(context: BrowserContext, locale: string, pages: Scanned[]) {
  await setLanguage(context, locale);
  const page = await context.newPage();
  const problems: string[] = [];
  for (const size of widths) {
    await page.setViewportSize(size);
    for (const { name, url, open } of pages) {
      await page.goto(url);
      if (open) await page.getByRole("button", { name: open }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("h1").first()).toBeVisible();
      // Nothing scrolls sideways on a phone: the page is as wide as the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) problems.push(`${name} [${size.name}]: scrolls sideways by ${overflow}px`);
      for (const line of await violations(page)) problems.push(`${name} [${size.name}]: ${line}`);
    }
  }
  expect(problems, problems.join("\n")).toEqual([]);
}

// axe takes seconds per page on a shared machine: each language is a test of its own.
test.describe.configure({ timeout: 240_000 });

for (const locale of locales) {
  test(`${locale}: pages anyone can open: the invite landing, sign-in and not found`, async ({ browser }) => {
    const grower = await addGrower(await staffApi(), "Axe landing");
    const context = await browser.newContext();
    await scan(context, locale, [
      { name: "invite landing", url: new URL(grower.inviteUrl).pathname },
      { name: "sign-in", url: "/signin" },
      { name: "sign-in (signed-out grower)", url: "/signin?grower=1" },
      { name: "not found", url: "/no-such-page" },
    ]);
    await context.close();
  });

  test(`${locale}: a grower's pages: connections, a refused callback and a page not theirs`, async ({ browser }) => {
    const grower = await addGrower(await staffApi(), "Axe grower");
    const api = await growerApi(sharedStack, grower.inviteUrl);
    await connectProvider(api, "trimble");
    const context = await browser.newContext({ storageState: await api.storageState() });
    await scan(context, locale, [
      { name: "connections", url: "/connections" },
      { name: "refused callback", url: "/api/connect/trimble/callback?code=not-a-code&state=not-a-state" },
      { name: "unknown provider", url: "/api/connect/not-a-provider" },
      { name: "forbidden", url: "/dashboard" },
    ]);
    await context.close();
  });

  test(`${locale}: staff pages: dashboard, a grower's page, the staff team and the account`, async ({ browser }) => {
    const staff = await staffApi();
    const grower = await addGrower(staff, "Axe staff view");
    await connectProvider(await growerApi(sharedStack, grower.inviteUrl), "john-deere");
    const context = await browser.newContext({ storageState: staffStatePath });
    await scan(context, locale, [
      { name: "dashboard", url: "/dashboard" },
      // Staff pages stay English (their catalog has no other language), so the button is named in English.
      { name: "add grower form", url: "/dashboard", open: "Add grower" },
      { name: "grower page", url: `/growers/${encodeURIComponent(grower.leafUserId)}` },
      { name: "staff team", url: "/staff" },
      { name: "staff account", url: "/staff/account" },
    ]);
    await context.close();
  });
}
