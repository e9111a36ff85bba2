import { expect, test } from "@playwright/test";
import { consent, invitedGrower, leafCredential, providerCases, region, sandboxControl } from "./helpers";

const [climate, deere, trimble] = providerCases;

test("denying consent brings the grower back with a plain sentence", async ({ browser }) => {
  const { page, leafUserId } = await invitedGrower(browser);
  await region(page, climate.name).getByRole("link", { name: "Connect Climate FieldView" }).click();
  await consent(page, climate, "Deny");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Climate FieldView was not connected");
  await expect(alert).toContainText("You chose not to allow access");
  await expect(region(page, climate.name).getByText("Not connected")).toBeVisible();
  expect(await leafCredential(page, leafUserId, climate.leafPath)).toBeUndefined();
});

test("a code the token endpoint rejects brings the grower back with a plain sentence", async ({ browser }) => {
  const { page, leafUserId } = await invitedGrower(browser);
  // Tamper with the code on its way back, as a stale or replayed code would arrive.
  await page.route("**/api/connect/trimble/callback?*", (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set("code", "not-a-code-the-provider-issued");
    return route.continue({ url: url.toString() });
  });
  await region(page, trimble.name).getByRole("link", { name: "Connect Trimble" }).click();
  await consent(page, trimble);
  await expect(page.getByRole("alert")).toContainText("Trimble did not accept the sign-in");
  await expect(page.getByRole("alert").getByRole("link", { name: "Try again" })).toBeVisible();
  expect(await leafCredential(page, leafUserId, trimble.leafPath)).toBeUndefined();
});

test("a Leaf refusal brings the grower back with a plain sentence, not a 500", async ({ browser }) => {
  const { page } = await invitedGrower(browser);
  await sandboxControl(page, "post", "faults", { target: "leaf", mode: "status", status: 400, count: 1, path: "john-deere-credentials" });
  await region(page, deere.name).getByRole("link", { name: "Connect John Deere" }).click();
  // Nothing was saved, so Deere's organization step is skipped.
  await consent(page, deere, "Allow", { organizations: false });
  await expect(page.getByRole("alert")).toContainText("John Deere could not be saved");
  await expect(region(page, deere.name).getByText("Error")).toBeVisible();
});

test("a Leaf outage shows Saving, and the credential arrives once Leaf is back", async ({ browser }) => {
  const { page, leafUserId } = await invitedGrower(browser);
  await sandboxControl(page, "post", "faults", { target: "leaf", mode: "status", status: 503, count: 2, path: "climate-field-view-credentials" });
  await region(page, climate.name).getByRole("link", { name: "Connect Climate FieldView" }).click();
  await consent(page, climate);
  const card = region(page, climate.name);
  await expect(card.getByText("Saving")).toBeVisible();
  await expect(card.getByText("Connected")).toBeVisible({ timeout: 30_000 });
  expect((await leafCredential(page, leafUserId, climate.leafPath)).postedBody.apiKey).toBeTruthy();
});
