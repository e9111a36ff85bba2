// `npm run screenshots`: the README's pictures, taken from a stack of its own in sandbox mode (fresh data,
// free ports): a grower's page on a phone and the staff dashboard on a desktop, written to docs/.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { chromiumPath } from "../e2e/support/chromium";
import { startStack } from "../e2e/support/stack";
import { seedSandbox, seedUsers } from "../lib/seeding/grower-mix";
import { staffCookie } from "../lib/seeding/staff-cookie";

const root = path.resolve(__dirname, "..");
const out = path.join(root, "docs");
const staff = { email: "staff@headland.test", password: "headland" };

/** The same build `npm start` makes, only when the sources changed. */
function build(): void {
  const run = spawnSync(process.execPath, ["-e", "import('./scripts/start.mjs').then((m) => m.buildIfNeeded())"], {
    cwd: root,
    stdio: "inherit",
  });
  if (run.status !== 0) throw new Error("the build failed");
}

/** A realistic dashboard: Leaf users with a spread of statuses, imported as staff's "Import from Leaf" does. */
async function seed(appUrl: string, sandboxUrl: string): Promise<string> {
  await seedSandbox(sandboxUrl, seedUsers(60, "shot", 20261202));
  const cookie = await staffCookie(appUrl, staff.email, staff.password);
  const imported = await fetch(`${appUrl}/api/growers/import`, {
    method: "POST",
    headers: { cookie, origin: appUrl },
  });
  if (!imported.ok) throw new Error(`import answered ${imported.status}`);
  const added = await fetch(`${appUrl}/api/growers`, {
    method: "POST",
    headers: { cookie, origin: appUrl, "content-type": "application/json" },
    body: JSON.stringify({ name: "Rosa Almeida", email: "rosa@farm.test" }),
  });
  if (added.status !== 201) throw new Error(`adding a grower answered ${added.status}`);
  return ((await added.json()) as { inviteUrl: string }).inviteUrl;
}

/** A grower on a phone who opened their link and connected John Deere (the sandbox's consent screens). */
async function growerOnPhone(browser: Browser, inviteUrl: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  await page.goto(inviteUrl);
  await page.getByRole("button", { name: /^Continue as / }).click();
  await page.waitForURL(/\/connections/);
  await page
    .getByRole("region", { name: "John Deere" })
    .getByRole("link", { name: /Connect/ })
    .click();
  await page.getByRole("button", { name: "Allow" }).click();
  await page.getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Done" }).click();
  await page.waitForURL(/\/connections/);
  // Past "Processing": the sandbox's Leaf settles a new credential within seconds.
  await page.getByRole("region", { name: "John Deere" }).getByText("Connected", { exact: true }).waitFor();
  // A fresh load: the page as a grower opening it finds it, without the just-connected banner.
  await page.goto(new URL("/connections", page.url()).href);
  return page;
}

async function dashboardOnDesktop(browser: Browser, appUrl: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  await page.goto(`${appUrl}/signin`);
  await page.getByLabel("Email").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/dashboard/);
  // The sweep fills statuses in within seconds of the import.
  await page.waitForTimeout(6000);
  await page.reload();
  return page;
}

async function main(): Promise<void> {
  build();
  const stack = await startStack({ HEADLAND_SWEEP_INTERVAL_MS: "500", HEADLAND_SWEEP_STALE_AFTER_MS: "0" });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] });
  try {
    const inviteUrl = await seed(stack.appUrl, stack.sandboxUrl);
    mkdirSync(out, { recursive: true });
    const phone = await growerOnPhone(browser, inviteUrl);
    await phone.screenshot({ path: path.join(out, "grower-phone.png"), fullPage: true });
    const desktop = await dashboardOnDesktop(browser, stack.appUrl);
    await desktop.screenshot({ path: path.join(out, "dashboard-desktop.png") });
    console.log(`Wrote ${path.relative(root, out)}/grower-phone.png and dashboard-desktop.png`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots failed: ${(error as Error).message}`);
  process.exit(1);
});
