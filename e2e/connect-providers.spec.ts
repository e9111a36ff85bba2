import { expect, test } from "@playwright/test";
import { sandboxClients } from "../sandbox/accounts";
import { consent, invitedGrower, leafCredential, providerCases, region, statusIn, type ProviderCase } from "./helpers";

// Exactly the bodies the Leaf docs specify (seeds/), field by field.
function expectedBody(provider: ProviderCase, refreshToken: string) {
  switch (provider.id) {
    case "climate-fieldview": {
      const c = sandboxClients["climate-fieldview"];
      return { clientId: c.clientId, clientSecret: c.clientSecret, apiKey: c.apiKey, refreshToken };
    }
    case "john-deere": {
      const c = sandboxClients["john-deere"];
      return { clientKey: c.clientId, clientSecret: c.clientSecret, accessToken: expect.any(String), refreshToken, clientEnvironment: "STAGE" };
    }
    case "trimble": {
      const c = sandboxClients.trimble;
      return { clientId: c.clientId, clientSecret: c.clientSecret, refreshToken };
    }
  }
}

for (const provider of providerCases) {
  test(`a grower connects ${provider.name} from an invite link, and Leaf gets the documented body`, async ({ browser }) => {
    const { page, leafUserId } = await invitedGrower(browser);
    for (const other of providerCases) {
      const card = region(page, other.name);
      await expect(statusIn(page, other.name, "Not connected")).toBeVisible();
      await expect(card.getByRole("link", { name: `Connect ${other.name}` })).toBeVisible();
    }

    await region(page, provider.name).getByRole("link", { name: `Connect ${provider.name}` }).click();
    await consent(page, provider);
    await expect(statusIn(page, provider.name, "Processing")).toBeVisible();
    await expect(statusIn(page, provider.name, "Connected")).toBeVisible({ timeout: 15_000 });

    const stored = await leafCredential(page, leafUserId, provider.leafPath);
    expect(stored.postedBody).toEqual(expectedBody(provider, stored.postedBody.refreshToken));
    expect(stored.postedBody.refreshToken).toEqual(expect.stringMatching(/^\S{20,}$/));
    expect(Object.keys(stored.postedBody).sort()).toEqual(Object.keys(expectedBody(provider, "")).sort());
  });
}

test("reconnecting replaces the credential at Leaf, disconnecting deletes it", async ({ browser }) => {
  const trimble = providerCases[2];
  const { page, leafUserId } = await invitedGrower(browser);
  const card = region(page, trimble.name);
  await card.getByRole("link", { name: "Connect Trimble" }).click();
  await consent(page, trimble);
  await expect(statusIn(page, trimble.name, "Connected")).toBeVisible({ timeout: 15_000 });
  const first = (await leafCredential(page, leafUserId, trimble.leafPath)).postedBody.refreshToken;

  await card.getByRole("link", { name: "Reconnect Trimble" }).click();
  await consent(page, trimble);
  await expect(statusIn(page, trimble.name, "Connected")).toBeVisible({ timeout: 15_000 });
  const second = (await leafCredential(page, leafUserId, trimble.leafPath)).postedBody.refreshToken;
  expect(second).not.toEqual(first);

  await card.getByRole("button", { name: "Disconnect Trimble" }).click();
  await card.getByRole("button", { name: "Yes, disconnect" }).click();
  await expect(statusIn(page, trimble.name, "Not connected")).toBeVisible();
  await expect(card.getByRole("link", { name: "Connect Trimble" })).toBeVisible();
  expect(await leafCredential(page, leafUserId, trimble.leafPath)).toBeUndefined();
});
