import { expect, test } from "@playwright/test";
import { providerCase } from "./helpers";
import {
  addGrower,
  connectProvider,
  growerApi,
  sandboxControl,
  sharedStack,
  staffApi,
  staffStatePath,
} from "./support/api";
import { kindOf } from "./support/sandbox-spec";

// The dashboard's tools for getting things fixed: the invite funnel, the provider health panel, and the
// table as cards on a phone. The server is shared with parallel tests: totals only ever grow, so these
// tests read their own growers where they can and lower bounds where they cannot.

const climate = providerCase("climate-fieldview");
const trimble = providerCase("trimble");
const stamp = () => `${Date.now().toString(36)}${process.pid}`;

test("a grower's funnel shows each step with its time, and the dashboard's funnel counts them", async ({ browser }) => {
  const staff = await staffApi();
  const grower = await addGrower(staff, "Funnel");
  const api = await growerApi(sharedStack, grower.inviteUrl);
  await connectProvider(api, climate.id);

  const page = await (await browser.newContext({ storageState: staffStatePath })).newPage();
  await page.goto(`/growers/${encodeURIComponent(grower.leafUserId)}`);
  const funnel = page.getByRole("region", { name: "Invite funnel" });
  const steps = funnel.getByRole("listitem");
  await expect(steps).toHaveText([/^1\. Invited/, /^2\. Opened the link/, /^3\. Started a provider/, /^4\. Connected/]);
  await expect(steps.nth(1)).toContainText("opened once");
  await expect(steps.nth(2)).not.toContainText("Not yet");
  // The credential reaches Leaf through the outbox a moment after the callback.
  await expect(async () => {
    await page.reload();
    await expect(funnel.getByRole("listitem").nth(3)).not.toContainText("Not yet", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(funnel.getByRole("row", { name: new RegExp(climate.name) })).toBeVisible();

  // The dashboard's figure: a table of the same numbers, each stage no larger than the one before.
  await page.goto("/dashboard");
  const figure = page.getByRole("figure", { name: "Invite funnel" });
  await expect(figure).toContainText(/Of [\d,]+ invited growers?, [\d,]+ opened the link/);
  const numbers = (await figure.locator("tbody tr td:first-of-type").allInnerTexts()).map((n) =>
    Number(n.replace(/,/g, "")),
  );
  expect(numbers).toHaveLength(4);
  expect(numbers[3]).toBeGreaterThanOrEqual(1);
  for (let i = 1; i < 4; i++) expect(numbers[i]!).toBeLessThanOrEqual(numbers[i - 1]!);
});

test("the provider health panel counts today's breaks against a normal day", async ({ browser }) => {
  const prefix = `Health ${stamp()}`;
  const names = [1, 2, 3].map((i) => `${prefix} ${i}`);
  const { ids } = await sandboxControl(sharedStack, "POST", "leaf/seed", {
    users: names.map((name) => ({
      name,
      email: `${name.replace(/\W+/g, ".")}@health.test`,
      credentials: { [kindOf(trimble.id)]: "OK" },
    })),
  });
  const staff = await staffApi();
  expect((await staff.post("/api/growers/import")).ok()).toBe(true);
  const statuses = async () => {
    const data = await (await staff.get(`/api/dashboard?q=${encodeURIComponent(prefix)}`)).json();
    return data.rows.map(
      (r: { cells: { provider: string; status: string }[] }) => r.cells.find((c) => c.provider === trimble.id)?.status,
    );
  };
  await expect.poll(statuses, { timeout: 30_000 }).toEqual(["ok", "ok", "ok"]);
  for (const id of ids as string[])
    await sandboxControl(sharedStack, "POST", `leaf/users/${id}/${trimble.leaf.path}/revoke`);
  await expect.poll(statuses, { timeout: 30_000 }).toEqual(["reauth", "reauth", "reauth"]);

  const page = await (await browser.newContext({ storageState: staffStatePath })).newPage();
  const panel = page.getByRole("region", { name: "Provider health" });
  await expect(async () => {
    await page.goto("/dashboard");
    await expect(panel.getByRole("listitem").filter({ hasText: "Trimble:" })).toContainText(
      /Trimble: [\d.]+% broke today vs [\d.]+% on a normal day/,
      { timeout: 1_000 },
    );
  }).toPass({ timeout: 30_000 });
  await expect(panel.getByRole("listitem")).toHaveCount(3);
});

test("on a 360 px phone the growers are cards, the empty sentence wraps, and nothing scrolls sideways", async ({
  browser,
}) => {
  const staff = await staffApi();
  const grower = await addGrower(staff, "Phone card");
  const page = await (
    await browser.newContext({ storageState: staffStatePath, viewport: { width: 360, height: 780 } })
  ).newPage();
  await page.goto(`/dashboard?q=${encodeURIComponent(grower.name)}`);
  const card = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(grower.name) }) });
  await expect(card).toBeVisible();
  // One line per provider, named in the card itself since the column headers are not shown.
  for (const name of [climate.name, "John Deere", trimble.name]) {
    const line = card.getByRole("cell").filter({ hasText: name });
    await expect(line).toBeVisible();
    await expect(line).toContainText("Not connected");
  }
  const box = (await card.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(360);
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await sideways()).toBeLessThanOrEqual(0);

  await page.goto(`/dashboard?q=${encodeURIComponent(`nobody ${stamp()}`)}`);
  const empty = page.getByText("No growers match this search.");
  await expect(empty).toBeVisible();
  expect((await empty.boundingBox())!.width).toBeLessThanOrEqual(360);
  expect(await sideways()).toBeLessThanOrEqual(0);
});

test("a fresh sandbox's 30-day chart draws lines, not single dots", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: staffStatePath })).newPage();
  await page.goto("/dashboard");
  const charts = page.getByRole("img", { name: /, last 30 days\. Latest/ });
  await expect(charts).toHaveCount(3);
  // Three lines (connected, needs attention, not connected) per provider.
  await expect(page.locator("figure svg polyline")).toHaveCount(9);
});
