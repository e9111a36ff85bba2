import { type Browser, expect, type Page } from "@playwright/test";
import { providers } from "../lib/providers/registry";
import type { Provider } from "../lib/providers/types";

// Page-level flows: a browser clicking through Headland and the sandbox's pages. HTTP-level calls (API
// sessions, consent without a browser, the sandbox's controls) are in support/api.ts.

/** Every provider in the app's registry, in the order growers see them. */
export const providerCases = providers;
export type ProviderCase = Provider;

export async function signInAsStaff(page: Page): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("staff@headland.test");
  await page.getByLabel("Password").fill("headland");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

let growerCount = 0;

/** Staff add a grower through the dashboard; returns the invite link shown. */
export async function addGrower(
  page: Page,
  name = `Grower ${Date.now()}-${++growerCount}`,
): Promise<{ name: string; inviteUrl: string }> {
  await page.getByRole("button", { name: "Add grower" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${name.toLowerCase().replace(/\W+/g, ".")}@farm.test`);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const field = page.getByRole("textbox", { name: "Invite link" });
  await expect(field).toHaveValue(/\/invite\//);
  await expect(page.getByRole("button", { name: "Copy invite link" })).toBeVisible();
  return { name, inviteUrl: await field.inputValue() };
}

/** A grower, signed in through their invite link in a browser context of their own: open it, confirm who they are. */
export async function openAsGrower(browser: Browser, inviteUrl: string): Promise<{ page: Page; leafUserId: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(inviteUrl);
  await page.getByRole("button", { name: /^Continue as / }).click();
  await expect(page).toHaveURL(/\/connections$/);
  const session = await (await page.request.get("/api/auth/session")).json();
  return { page, leafUserId: session.leafUserId };
}

/** Staff invite a new grower who then opens the link: the start of every grower flow. */
export async function invitedGrower(browser: Browser): Promise<{ page: Page; leafUserId: string }> {
  const staff = await (await browser.newContext()).newPage();
  await signInAsStaff(staff);
  const { inviteUrl } = await addGrower(staff);
  await staff.context().close();
  return openAsGrower(browser, inviteUrl);
}

export function region(page: Page, providerName: string) {
  return page.getByRole("region", { name: providerName });
}

/** A status word in a provider's region, matched exactly (the sentences below it use the same words). */
export function statusIn(page: Page, providerName: string, word: string) {
  return region(page, providerName).getByText(word, { exact: true });
}

/** The banner describing how the last consent ended (Next keeps an empty route announcer alert too). */
export function outcomeAlert(page: Page) {
  return page.getByRole("alert").filter({ hasText: /\S/ });
}

/**
 * Runs a provider's consent screens in the sandbox, choosing Allow (and an organization, where the
 * provider asks for one: Deere).
 */
export async function consent(
  page: Page,
  provider: ProviderCase,
  choice: "Allow" | "Deny" = "Allow",
  opts = { organizations: true },
): Promise<void> {
  await expect(page.getByRole("heading", { name: `Sign in to ${provider.name} (sandbox)` })).toBeVisible();
  await page.getByRole("button", { name: choice }).click();
  if (provider.sandbox.organizations && choice === "Allow" && opts.organizations) {
    await expect(page.getByRole("heading", { name: "Select organizations (sandbox)" })).toBeVisible();
    await page.getByRole("checkbox").first().check();
    await page.getByRole("button", { name: "Done" }).click();
  }
  await expect(page).toHaveURL(/\/connections/);
}

/** A provider by id, for tests about one provider's own behaviour. */
export function providerCase(id: string): ProviderCase {
  const provider = providers.find((p) => p.id === id);
  if (!provider) throw new Error(`no provider ${id} in the registry`);
  return provider;
}
