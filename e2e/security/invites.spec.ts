import { expect, test } from "@playwright/test";
import { addGrower, apiContext, inviteToken, postSignIn, sharedAppUrl, staffApi } from "../support/api";

// Expiry (7 days) is proven in lib/auth/invites.test.ts with a moved clock; here, what a browser can do.

async function signsIn(token: string): Promise<boolean> {
  const api = await apiContext(sharedAppUrl);
  const url = await postSignIn(api, "invite", { token });
  const session = await (await api.get("/api/auth/session")).json();
  await api.dispose();
  return !url.includes("error=") && Boolean(session.leafUserId);
}

test("a revoked invite no longer signs anyone in: staff sending a new invite revokes the old link", async ({
  page,
}) => {
  const staff = await staffApi();
  const grower = await addGrower(staff);
  const sent = await staff.post(`/api/growers/${encodeURIComponent(grower.leafUserId)}/invites`);
  expect(sent.status()).toBe(201);
  const { inviteUrl: newUrl } = await sent.json();

  expect(await signsIn(inviteToken(grower.inviteUrl))).toBe(false);
  await page.goto(grower.inviteUrl);
  await expect(page.getByRole("heading", { name: "This invite link no longer works" })).toBeVisible();
  expect(await signsIn(inviteToken(newUrl))).toBe(true);
});

test("a forged or altered invite token signs nobody in", async () => {
  const staff = await staffApi();
  const [a, b] = [await addGrower(staff), await addGrower(staff)];
  const [idA, macA] = inviteToken(a.inviteUrl).split(".") as [string, string];
  const [idB, macB] = inviteToken(b.inviteUrl).split(".") as [string, string];
  for (const forged of [
    `${idA}.${macB}`,
    `${idB}.${macA}`,
    `${idA}.${macA.slice(0, -1)}`,
    `${idA}.${macA}.x`,
    idA,
    `${crypto.randomUUID()}.${macA}`,
    `${idA}.${"A".repeat(macA.length)}`,
    "",
    "../../api/auth/session",
  ]) {
    expect(await signsIn(forged), forged).toBe(false);
  }
});
