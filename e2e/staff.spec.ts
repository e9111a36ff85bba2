import { type Browser, expect, type Page, test } from "@playwright/test";
import { signInAsStaff } from "./helpers";
import { sharedAppUrl } from "./support/api";

// The partner team: the environment's admin invites a member by link, the member chooses a password and
// works with growers but cannot manage staff; the admin changes their role and removes them, which ends
// their open session at once.

const memberPassword = "wheat barley oats rye";

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** An API call from the page's own session, as its scripts would make it (same origin). */
function apiFrom(page: Page, method: "GET" | "POST", url: string) {
  return page.request.fetch(url, {
    method,
    headers: { origin: sharedAppUrl },
    data: method === "POST" ? {} : undefined,
  });
}

function memberRow(admin: Page, email: string) {
  return admin.getByRole("row").filter({ hasText: email });
}

test("an admin invites a member by link; the member signs in, then is promoted and finally removed", async ({
  browser,
}) => {
  const email = `member-${Date.now()}@partner.test`;
  const admin = await newPage(browser);
  await signInAsStaff(admin);
  await admin.getByRole("link", { name: "Staff", exact: true }).click();
  await expect(admin.getByRole("heading", { name: "Staff", exact: true })).toBeVisible();
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role").selectOption("member");
  await admin.getByRole("button", { name: "Invite" }).click();
  const link = admin.getByRole("textbox", { name: "Staff invite link" });
  await expect(link).toHaveValue(/\/staff\/join\//);
  const inviteUrl = await link.inputValue();

  // The member opens the link, is refused a common password, then sets a good one and is signed in.
  const member = await newPage(browser);
  await member.goto(inviteUrl);
  await expect(member.getByText(`with the email ${email}`)).toBeVisible();
  await member.getByLabel("New password").fill("password1234");
  await member.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(member.getByRole("alert").filter({ hasText: "most common" })).toBeVisible();
  await member.getByLabel("New password").fill(memberPassword);
  await member.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(member).toHaveURL(/\/dashboard$/);
  await expect(member.getByRole("link", { name: "Staff", exact: true })).toHaveCount(0);
  expect((await member.goto("/staff"))?.status()).toBe(403);
  expect((await apiFrom(member, "POST", "/api/staff/invites")).status()).toBe(403);

  // The link worked once.
  const again = await newPage(browser);
  await again.goto(inviteUrl);
  await expect(again.getByRole("heading", { name: "This staff invite link no longer works" })).toBeVisible();

  // A role change ends the member's session (its token carried the old role); signed in again, they are admin.
  await admin.reload();
  await memberRow(admin, email)
    .getByRole("button", { name: `Make ${email} an admin` })
    .click();
  await expect(memberRow(admin, email).getByRole("cell", { name: "Admin", exact: true })).toBeVisible();
  expect((await apiFrom(member, "GET", "/api/dashboard")).status()).toBe(401);
  await member.goto("/signin");
  await member.getByLabel("Email").fill(email);
  await member.getByLabel("Password").fill(memberPassword);
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member).toHaveURL(/\/dashboard$/);
  expect((await member.goto("/staff"))?.status()).toBe(200);

  // Removed: the open session stops working at once.
  await admin.reload();
  await memberRow(admin, email)
    .getByRole("button", { name: `Remove ${email}` })
    .click();
  await memberRow(admin, email)
    .getByRole("button", { name: `Yes, remove ${email}` })
    .click();
  await expect(memberRow(admin, email)).toHaveCount(0);
  expect((await apiFrom(member, "GET", "/api/dashboard")).status()).toBe(401);
  await member.goto("/dashboard");
  await expect(member).toHaveURL(/\/signin/);
});

test("staff change their own password on their account page, which needs the current one", async ({ browser }) => {
  const email = `changer-${Date.now()}@partner.test`;
  const admin = await newPage(browser);
  await signInAsStaff(admin);
  await admin.goto("/staff");
  await admin.getByLabel("Email").fill(email);
  await admin.getByRole("button", { name: "Invite" }).click();
  const inviteUrl = await admin.getByRole("textbox", { name: "Staff invite link" }).inputValue();

  const member = await newPage(browser);
  await member.goto(inviteUrl);
  await member.getByLabel("New password").fill(memberPassword);
  await member.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(member).toHaveURL(/\/dashboard$/);
  await member.getByRole("link", { name: email }).click();
  await member.getByLabel("Current password").fill("not my password");
  await member.getByLabel("New password").fill("a different long passphrase");
  await member.getByRole("button", { name: "Change password" }).click();
  await expect(member.getByRole("alert").filter({ hasText: "current password is not right" })).toBeVisible();
  await member.getByLabel("Current password").fill(memberPassword);
  await member.getByRole("button", { name: "Change password" }).click();
  await expect(member.getByRole("status").filter({ hasText: "Your password is changed" })).toBeVisible();
  // This session stays.
  expect((await apiFrom(member, "GET", "/api/dashboard")).status()).toBe(200);

  await admin.reload();
  await memberRow(admin, email)
    .getByRole("button", { name: `Remove ${email}` })
    .click();
  await memberRow(admin, email)
    .getByRole("button", { name: `Yes, remove ${email}` })
    .click();
  await expect(memberRow(admin, email)).toHaveCount(0);
});
