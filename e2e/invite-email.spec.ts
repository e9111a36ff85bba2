import { expect, test } from "@playwright/test";
import { addGrower, sharedSandboxUrl, staffApi, staffStatePath } from "./support/api";

const emailOf = (name: string) => `${name.toLowerCase().replace(/\W+/g, ".")}@farm.test`;
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("staff email an invite; the grower follows the link in that email to the page that names them", async ({
  browser,
}) => {
  const grower = await addGrower(await staffApi(), "Mailed grower");
  const address = emailOf(grower.name);
  const staff = await (await browser.newContext({ storageState: staffStatePath })).newPage();
  await staff.goto(`/growers/${encodeURIComponent(grower.leafUserId)}`);
  await staff.getByRole("button", { name: "Send invite by email" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Sent to" })).toHaveText(
    new RegExp(`^Sent to ${literally(address)} at \\d\\d:\\d\\d UTC\\.`),
  );
  // A new link, like "Send new invite": the one made when the grower was added no longer shows.
  const field = staff.getByRole("textbox", { name: "Invite link" });
  await expect(field).not.toHaveValue(grower.inviteUrl);
  const shown = await field.inputValue();

  // The email as the sandbox's catcher received it over SMTP: from the partner, to the grower.
  const mail = await staff.request.get(`${sharedSandboxUrl}/_sandbox/mail?to=${encodeURIComponent(address)}`);
  const { messages } = await mail.json();
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatchObject({
    from: "Headland <invites@headland.test>",
    to: address,
    subject: "Headland: connect your farm accounts",
  });
  expect(messages[0].text).toContain(`Hello ${grower.name},`);
  expect(messages[0].html).toContain(`href="${shown}"`);

  // The grower opens the message in the sandbox inbox and follows the link in its text body.
  const growerPage = await (await browser.newContext()).newPage();
  await growerPage.goto(`${sharedSandboxUrl}/_sandbox/mail/inbox`);
  const inbox = growerPage.getByRole("list", { name: "Messages" }).getByRole("listitem");
  await inbox.filter({ hasText: address }).getByRole("link").click();
  await growerPage
    .getByLabel("Text body")
    .getByRole("link", { name: /\/invite\// })
    .click();
  await expect(growerPage).toHaveURL(shown);
  await expect(growerPage.getByRole("heading", { name: `Connecting accounts for ${grower.name}` })).toBeVisible();
  await growerPage.getByRole("button", { name: `Continue as ${grower.name}` }).click();
  await expect(growerPage).toHaveURL(/\/connections$/);

  // Headland's record says who sent it to whom.
  await staff.reload();
  const line = staff.getByRole("row").filter({ hasText: "Emailed the invite" });
  await expect(line).toContainText(`sent: to ${address}`);
});

test("staff adding a grower can have the invite mailed at once", async ({ browser }) => {
  const staff = await (await browser.newContext({ storageState: staffStatePath })).newPage();
  await staff.goto("/dashboard");
  const name = `Mailed at once ${Date.now()}`;
  await staff.getByRole("button", { name: "Add grower" }).click();
  await staff.getByLabel("Name").fill(name);
  await staff.getByLabel("Email").fill(emailOf(name));
  await staff.getByLabel("Mail them the invite link").check();
  await staff.getByRole("button", { name: "Add", exact: true }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Sent to" })).toHaveText(
    new RegExp(`^Sent to ${literally(emailOf(name))} at \\d\\d:\\d\\d UTC\\.$`),
  );
  const shown = await staff.getByRole("textbox", { name: "Invite link" }).inputValue();
  const mail = await staff.request.get(`${sharedSandboxUrl}/_sandbox/mail?to=${encodeURIComponent(emailOf(name))}`);
  const { messages } = await mail.json();
  expect(messages).toHaveLength(1);
  expect(messages[0].text).toContain(`Hello ${name},`);
  expect(messages[0].text.split(/\r?\n/)).toContain(shown);
});

test("staff choose a grower's language: their invite email is in it, and their invite page too", async ({
  browser,
}) => {
  const staff = await (await browser.newContext({ storageState: staffStatePath })).newPage();
  await staff.goto("/dashboard");
  const name = `Idioma elegido ${Date.now()}`;
  await staff.getByRole("button", { name: "Add grower" }).click();
  const language = staff.getByRole("combobox", { name: "Language" });
  await expect(language).toHaveValue("en");
  await expect(language.getByRole("option")).toHaveText(["English", "Español", "Português (Brasil)"]);
  await staff.getByLabel("Name").fill(name);
  await staff.getByLabel("Email").fill(emailOf(name));
  await language.selectOption({ label: "Español" });
  await staff.getByLabel("Mail them the invite link").check();
  await staff.getByRole("button", { name: "Add", exact: true }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Sent to" })).toBeVisible();
  const inviteUrl = await staff.getByRole("textbox", { name: "Invite link" }).inputValue();
  const mail = await staff.request.get(`${sharedSandboxUrl}/_sandbox/mail?to=${encodeURIComponent(emailOf(name))}`);
  const { messages } = await mail.json();
  expect(messages).toHaveLength(1);
  expect(messages[0].subject).toBe("Headland: conecte sus cuentas agrícolas");
  expect(messages[0].text).toContain(`Hola, ${name}:`);

  // A browser that names none of Headland's languages: the page opens in the one staff chose.
  const french = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await french.goto(inviteUrl);
  await expect(french.locator("html")).toHaveAttribute("lang", "es");
  await expect(french.getByRole("heading", { name: `Conexión de cuentas de ${name}` })).toBeVisible();
  await french.context().close();
  // A browser that asks for one of ours is the grower's own word, and wins.
  const english = await (await browser.newContext({ locale: "en-US" })).newPage();
  await english.goto(inviteUrl);
  await expect(english.getByRole("heading", { name: `Connecting accounts for ${name}` })).toBeVisible();
  await english.context().close();
});

test("a language Headland does not offer is refused when adding a grower", async () => {
  const staff = await staffApi();
  const response = await staff.post("/api/growers", {
    data: { name: `Langue ${Date.now()}`, email: `langue.${Date.now()}@farm.test`, locale: "fr" },
  });
  expect(response.status()).toBe(400);
  expect((await response.json()).error.message).toMatch(/English, Español or Português/);
});
