import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { providerCase } from "./helpers";
import {
  apiContext,
  inviteToken,
  postSignIn,
  sandboxControl,
  sharedStack,
  staffApi,
  staffStatePath,
} from "./support/api";
import { kindOf } from "./support/sandbox-spec";

// Staff re-invite many growers at once, by keyboard alone: pick everyone who must reconnect a provider
// (or tick growers by hand), issue new links, download them as a CSV, and the growers get them by email.
// The shared server runs other tests at the same time, so every selection is narrowed by a search for
// growers of this test's own.

const trimble = providerCase("trimble");
const stamp = () => `${Date.now().toString(36)}${process.pid}`;
const emailOf = (name: string) => `${name.toLowerCase().replace(/\W+/g, ".")}@bulk.test`;

/** Leaf users with these Trimble statuses, imported into Headland; their Leaf user ids by name. */
async function importGrowers(names: [string, string][]): Promise<Record<string, string>> {
  const { ids } = await sandboxControl(sharedStack, "POST", "leaf/seed", {
    users: names.map(([name, status]) => ({
      name,
      email: emailOf(name),
      credentials: { [kindOf(trimble.id)]: status },
    })),
  });
  const staff = await staffApi();
  expect((await staff.post("/api/growers/import")).ok()).toBe(true);
  return Object.fromEntries(names.map(([name], i) => [name, ids[i] as string]));
}

/** Until the sweep has checked them all, as the dashboard's own JSON says. */
async function untilChecked(prefix: string, count: number): Promise<void> {
  const staff = await staffApi();
  await expect
    .poll(
      async () => {
        const data = await (await staff.get(`/api/dashboard?q=${encodeURIComponent(prefix)}`)).json();
        return data.rows.filter((r: { lastChecked: string | null }) => r.lastChecked).length;
      },
      { timeout: 30_000 },
    )
    .toBe(count);
}

async function press(page: Page, target: ReturnType<Page["getByRole"]>, key: string): Promise<void> {
  await target.focus();
  await expect(target).toBeFocused();
  await page.keyboard.press(key);
}

async function signsIn(link: string): Promise<boolean> {
  const url = await postSignIn(await apiContext(sharedStack.appUrl), "invite", { token: inviteToken(link) });
  return !url.includes("error=");
}

test("staff select everyone who must reconnect Trimble, issue new links by keyboard, and download them", async ({
  browser,
}) => {
  const prefix = `Bulk ${stamp()}`;
  const [first, second, fine] = [`${prefix} Ada`, `${prefix} Bo`, `${prefix} Cy`];
  const ids = await importGrowers([
    [first, "UNAUTHENTICATED"],
    [second, "UNAUTHENTICATED"],
    [fine, "OK"],
  ]);
  await untilChecked(prefix, 3);
  // A link Ada already had: it must stop working.
  const staff = await staffApi();
  const before = await staff.post(`/api/growers/${ids[first]}/invites`, { data: {} });
  const oldLink = (await before.json()).inviteUrl as string;

  const page = await (await browser.newContext({ storageState: staffStatePath, acceptDownloads: true })).newPage();
  await page.goto("/dashboard");
  const search = page.getByLabel("Search growers");
  await search.focus();
  await page.keyboard.type(prefix);
  // The search counts once it is in the URL (typing is debounced); the selection below honours it.
  await expect(page).toHaveURL(/[?&]q=Bulk/);
  await expect(page.getByRole("rowheader", { name: new RegExp(prefix) })).toHaveCount(3);

  const provider = page.getByLabel("Needs reconnect for");
  await provider.focus();
  while ((await provider.inputValue()) !== trimble.id) await page.keyboard.press("ArrowDown");
  await press(page, page.getByRole("button", { name: "Select everyone who needs to reconnect" }), "Enter");
  await expect(page.getByRole("status").filter({ hasText: "need to reconnect Trimble" })).toHaveText(
    "2 growers need to reconnect Trimble: all selected.",
  );
  await expect(page.getByText("2 growers selected")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: `Select ${first}` })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: `Select ${fine}` })).not.toBeChecked();

  await press(page, page.getByRole("checkbox", { name: "Also mail each grower their new link" }), "Space");
  await press(page, page.getByRole("button", { name: "Issue new invite links" }), "Enter");
  await expect(page.getByRole("status").filter({ hasText: "issued" })).toHaveText(
    "2 new invite links issued. 2 were emailed.",
  );
  await expect(page.getByText("No growers selected")).toBeVisible();

  const download = page.waitForEvent("download");
  await press(page, page.getByRole("link", { name: "Download CSV" }), "Enter");
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^headland-invites-\d{4}-\d\d-\d\d\.csv$/);
  const [header, ...lines] = readFileSync((await file.path())!, "utf8")
    .trim()
    .split("\r\n");
  expect(header).toBe("name,email,link,emailed");
  const rows = lines.map((line) => line.split(","));
  expect(rows.map((r) => r[0])).toEqual([first, second]);
  expect(rows.map((r) => r[1])).toEqual([emailOf(first), emailOf(second)]);
  expect(rows.map((r) => r[3])).toEqual(["yes", "yes"]);

  // The new links sign in, the old one no longer does, and each grower's email holds their own link.
  expect(await signsIn(oldLink)).toBe(false);
  for (const [name, email, link] of rows) {
    expect(await signsIn(link!)).toBe(true);
    const mail = await fetch(`${sharedStack.sandboxUrl}/_sandbox/mail?to=${encodeURIComponent(email!)}`);
    const { messages } = await mail.json();
    expect(messages, name).toHaveLength(1);
    expect(messages[0].text.split(/\r?\n/)).toContain(link);
  }
});

test("staff tick growers by hand, with the keyboard, and get a CSV of only theirs", async ({ browser }) => {
  const prefix = `Ticked ${stamp()}`;
  const [first, second] = [`${prefix} Dee`, `${prefix} Eli`];
  await importGrowers([
    [first, "OK"],
    [second, "OK"],
  ]);
  const page = await (await browser.newContext({ storageState: staffStatePath, acceptDownloads: true })).newPage();
  await page.goto(`/dashboard?q=${encodeURIComponent(prefix)}`);
  await expect(page.getByRole("rowheader", { name: new RegExp(prefix) })).toHaveCount(2);
  await press(page, page.getByRole("checkbox", { name: `Select ${second}` }), "Space");
  await expect(page.getByText("1 grower selected")).toBeVisible();
  await press(page, page.getByRole("button", { name: "Issue new invite links" }), "Enter");
  await expect(page.getByRole("status").filter({ hasText: "issued" })).toHaveText("1 new invite link issued.");
  const download = page.waitForEvent("download");
  await press(page, page.getByRole("link", { name: "Download CSV" }), "Enter");
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv).toContain(`${second},${emailOf(second)},`);
  expect(csv).not.toContain(first);
});

test("bulk invites refuse a foreign origin and nonsense, and are never cached", async () => {
  const staff = await staffApi();
  const empty = await staff.post("/api/growers/bulk-invites", { data: { leafUserIds: [] } });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).error.message).toMatch(/Select between 1 and 500 growers/);
  const foreign = await staff.post("/api/growers/bulk-invites", {
    data: { leafUserIds: ["x"] },
    headers: { origin: "https://evil.example" },
  });
  expect(foreign.status()).toBe(403);
  const unknownProvider = await staff.get("/api/growers/bulk-invites?needsReconnect=nope");
  expect(unknownProvider.status()).toBe(400);
  const none = await staff.post("/api/growers/bulk-invites", { data: { leafUserIds: ["no-such-grower"] } });
  expect(none.status()).toBe(201);
  expect(none.headers()["cache-control"]).toBe("no-store");
  expect(await none.text()).toBe("name,email,link,emailed\r\n");
});
