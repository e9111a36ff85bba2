import { expect, test } from "@playwright/test";
import { consent, invitedGrower, providerCase, providerCases, region, statusIn } from "./helpers";
import { expectedLeafBody, issuedRefreshTokens, leafCredential, sharedStack } from "./support/api";

for (const provider of providerCases) {
  test(`a grower connects ${provider.name} from an invite link, and Leaf gets the documented body`, async ({
    browser,
  }) => {
    const { page, leafUserId } = await invitedGrower(browser);
    for (const other of providerCases) {
      const card = region(page, other.name);
      await expect(statusIn(page, other.name, "Not connected")).toBeVisible();
      await expect(card.getByRole("link", { name: `Connect ${other.name}` })).toBeVisible();
    }

    await region(page, provider.name)
      .getByRole("link", { name: `Connect ${provider.name}` })
      .click();
    await consent(page, provider);
    await expect(statusIn(page, provider.name, "Processing")).toBeVisible();
    await expect(statusIn(page, provider.name, "Connected")).toBeVisible({ timeout: 15_000 });

    // The refresh token Headland posted is the one the code exchange issued (the grant's first: Leaf's
    // validation may since have rotated it), not merely whatever the posted body carries.
    const stored = await leafCredential(sharedStack, leafUserId, provider);
    const [issued] = await issuedRefreshTokens(sharedStack, stored.grantId);
    expect(issued).toEqual(expect.stringMatching(/^\S{20,}$/));
    expect(stored.postedBody).toEqual(expectedLeafBody(provider, { refreshToken: issued }));
    expect(Object.keys(stored.postedBody).sort()).toEqual(
      Object.keys(expectedLeafBody(provider, { refreshToken: "" })).sort(),
    );
  });
}

test("reconnecting replaces the credential at Leaf, disconnecting deletes it", async ({ browser }) => {
  const trimble = providerCase("trimble");
  const { page, leafUserId } = await invitedGrower(browser);
  const card = region(page, trimble.name);
  await card.getByRole("link", { name: "Connect Trimble" }).click();
  await consent(page, trimble);
  await expect(statusIn(page, trimble.name, "Connected")).toBeVisible({ timeout: 15_000 });
  const first = (await leafCredential(sharedStack, leafUserId, trimble)).postedBody.refreshToken;

  await card.getByRole("link", { name: "Reconnect Trimble" }).click();
  await consent(page, trimble);
  await expect(statusIn(page, trimble.name, "Connected")).toBeVisible({ timeout: 15_000 });
  const second = (await leafCredential(sharedStack, leafUserId, trimble)).postedBody.refreshToken;
  expect(second).not.toEqual(first);

  await card.getByRole("button", { name: "Disconnect Trimble" }).click();
  await card.getByRole("button", { name: "Yes, disconnect" }).click();
  await expect(statusIn(page, trimble.name, "Not connected")).toBeVisible();
  await expect(card.getByRole("link", { name: "Connect Trimble" })).toBeVisible();
  expect(await leafCredential(sharedStack, leafUserId, trimble)).toBeUndefined();
});
