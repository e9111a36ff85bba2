import { expect, test } from "@playwright/test";
import { consent, invitedGrower, outcomeAlert, providerCase, region, statusIn } from "./helpers";
import { leafCredential, sandboxControl, sharedStack } from "./support/api";
import { specOf } from "./support/sandbox-spec";

const [climate, deere, trimble] = [
  providerCase("climate-fieldview"),
  providerCase("john-deere"),
  providerCase("trimble"),
];

test("denying consent brings the grower back with a plain sentence", async ({ browser }) => {
  const { page, leafUserId } = await invitedGrower(browser);
  await region(page, climate.name).getByRole("link", { name: "Connect Climate FieldView" }).click();
  await consent(page, climate, "Deny");
  await expect(outcomeAlert(page)).toContainText("Climate FieldView was not connected");
  await expect(outcomeAlert(page)).toContainText("You chose not to allow access");
  await expect(statusIn(page, climate.name, "Not connected")).toBeVisible();
  expect(await leafCredential(sharedStack, leafUserId, climate)).toBeUndefined();
});

test("a code the token endpoint rejects brings the grower back with a plain sentence", async ({ browser }) => {
  const { page, leafUserId } = await invitedGrower(browser);
  // The provider's redirect back carries a code it never issued (as a stale or replayed code would).
  await page.route(`${sharedStack.sandboxUrl}${specOf(trimble.id).paths.authorize}`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch({ maxRedirects: 0 });
    const location = new URL(response.headers().location!);
    location.searchParams.set("code", "not-a-code-the-provider-issued");
    return route.fulfill({ status: 302, headers: { location: location.toString() } });
  });
  await region(page, trimble.name).getByRole("link", { name: "Connect Trimble" }).click();
  await page.getByRole("button", { name: "Allow" }).click();

  await expect(page).toHaveURL(/\/connections\?/);
  await expect(outcomeAlert(page)).toContainText("Trimble did not accept the sign-in");
  await expect(outcomeAlert(page).getByRole("link", { name: "Try again" })).toBeVisible();
  expect(await leafCredential(sharedStack, leafUserId, trimble)).toBeUndefined();
});

test("a Leaf refusal brings the grower back with a plain sentence, not a 500", async ({ browser }) => {
  const { page, leafUserId } = await invitedGrower(browser);
  // Faults are global to the sandbox: aim this one at this grower alone (tests run in parallel).
  await sandboxControl(sharedStack, "POST", "faults", {
    target: "leaf",
    mode: "status",
    status: 400,
    count: 1,
    // The credential's POST only: a status read of the same path (the page, the sweep) would spend it first.
    method: "POST",
    path: `${leafUserId}/${deere.leaf.path}`,
  });
  await region(page, deere.name).getByRole("link", { name: "Connect John Deere" }).click();
  // Nothing was saved, so Deere's organization step is skipped.
  await consent(page, deere, "Allow", { organizations: false });
  await expect(outcomeAlert(page)).toContainText("John Deere could not be saved");
  await expect(statusIn(page, deere.name, "Error")).toBeVisible();
});

test("a Leaf outage shows Saving, and the credential arrives once Leaf is back", async ({ browser }) => {
  const { page, leafUserId } = await invitedGrower(browser);
  await sandboxControl(sharedStack, "POST", "faults", {
    target: "leaf",
    mode: "status",
    status: 503,
    count: 2,
    path: `${leafUserId}/${climate.leaf.path}`,
  });
  await region(page, climate.name).getByRole("link", { name: "Connect Climate FieldView" }).click();
  await consent(page, climate);
  await expect(statusIn(page, climate.name, "Saving")).toBeVisible();
  await expect(statusIn(page, climate.name, "Connected")).toBeVisible({ timeout: 30_000 });
  expect((await leafCredential(sharedStack, leafUserId, climate)).postedBody.apiKey).toBeTruthy();
});
