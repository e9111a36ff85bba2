import { expect, test } from "@playwright/test";
import { openAsGrower } from "./helpers";
import { addGrower, sharedSandboxUrl, staffApi, staffStatePath } from "./support/api";

// Headland speaks English, Spanish and Brazilian Portuguese: the browser's language first, then the switch
// on every page, kept in a cookie (URLs carry no locale).

const emailOf = (name: string) => `${name.toLowerCase().replace(/\W+/g, ".")}@farm.test`;

test("the invite landing reads in the browser's language, and the switch changes it without JavaScript", async ({
  browser,
}) => {
  const grower = await addGrower(await staffApi(), "Idioma");
  const context = await browser.newContext({ locale: "es-MX", javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(grower.inviteUrl);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { name: `Conexión de cuentas de ${grower.name}` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Continuar como ${grower.name}` })).toBeVisible();

  const switcher = page.getByRole("form", { name: "Idioma" });
  await expect(switcher.getByText("Español")).toHaveAttribute("aria-current", "true");
  await switcher.getByRole("button", { name: "Português (Brasil)" }).click();
  await expect(page).toHaveURL(grower.inviteUrl);
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await expect(page.getByRole("heading", { name: `Conectando as contas de ${grower.name}` })).toBeVisible();

  // The choice outlives the page: the next one is in Portuguese too, whatever the browser says.
  await page.goto("/signin");
  await expect(page.getByRole("heading", { level: 1, name: "Entrar" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Acesso da equipe" })).toBeVisible();
  await page.getByRole("form", { name: "Idioma" }).getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole("heading", { name: "Staff sign-in" })).toBeVisible();
  await context.close();
});

test("a language the switch does not offer is refused with words, not a 500", async ({ request }) => {
  const response = await request.post("/language", { form: { locale: "fr", returnTo: "/signin" }, maxRedirects: 0 });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("That language is not one Headland offers");
  // A return path off the site is not followed: the switch sends people back to Headland only.
  const away = await request.post("/language", {
    form: { locale: "es", returnTo: "//evil.example/x" },
    maxRedirects: 0,
  });
  expect(away.status()).toBe(303);
  expect(new URL(away.headers().location ?? "").pathname).toBe("/");
});

test("a grower's next invite email is written in the language they read Headland in", async ({ browser }) => {
  const staff = await staffApi();
  const grower = await addGrower(staff, "Correo");
  const context = await browser.newContext({ locale: "es-AR" });
  await (await context.newPage()).goto(grower.inviteUrl);
  await context.close();

  const sent = await staff.post(`/api/growers/${encodeURIComponent(grower.leafUserId)}/invites`, {
    data: { email: true },
  });
  expect(sent.status(), await sent.text()).toBe(201);
  const mail = await staff.get(`${sharedSandboxUrl}/_sandbox/mail?to=${encodeURIComponent(emailOf(grower.name))}`);
  const { messages } = await mail.json();
  expect(messages).toHaveLength(1);
  expect(messages[0].subject).toBe("Headland: conecte sus cuentas agrícolas");
  expect(messages[0].text).toContain(`Hola, ${grower.name}:`);
  expect(messages[0].text).toContain((await sent.json()).inviteUrl);
});

test("a grower who signs out is told to open their invite link again", async ({ browser }) => {
  const grower = await addGrower(await staffApi(), "Leaving");
  const { page } = await openAsGrower(browser, grower.inviteUrl);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?grower=1$/);
  await expect(page.getByText("You're signed out.")).toBeVisible();
  await expect(page.getByText("Growers sign in with the invite link they were sent.")).toBeVisible();
  // Anywhere else they land, the same: the start page leads here too.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Connecting your farm accounts?" })).toBeVisible();
  await page.context().close();
});

test("signed-in people visiting /signin go to their start page instead of the form", async ({ browser }) => {
  const staff = await (await browser.newContext({ storageState: staffStatePath })).newPage();
  await staff.goto("/signin");
  await expect(staff).toHaveURL(/\/dashboard$/);
  await staff.context().close();

  const grower = await addGrower(await staffApi(), "Returning");
  const { page } = await openAsGrower(browser, grower.inviteUrl);
  await page.goto("/signin");
  await expect(page).toHaveURL(/\/connections$/);
  await page.context().close();
});

test("the browser finds Headland's icon", async ({ request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/icon/);
  expect((await request.get("/icon.svg")).status()).toBe(200);
});

test("an unknown provider and a damaged link are refused in the reader's language", async ({ browser, request }) => {
  const spanish = await (await browser.newContext({ locale: "es-ES" })).newPage();
  for (const path of ["/api/connect/not-a-provider", "/api/connect/nope/callback?code=c&state=s"]) {
    expect((await spanish.goto(path))?.status()).toBe(404);
    await expect(spanish.locator("html")).toHaveAttribute("lang", "es");
    await expect(spanish.getByRole("heading", { name: "Proveedor desconocido" })).toBeVisible();
    await expect(spanish.getByText("Headland no se conecta con ese servicio.")).toBeVisible();
    await expect(spanish.getByRole("link", { name: "Volver a sus conexiones" })).toHaveAttribute(
      "href",
      "/connections",
    );
  }
  expect((await spanish.goto("/invite/%E0%A4%A"))?.status()).toBe(400);
  await expect(spanish.getByRole("heading", { name: "Esta dirección no es válida" })).toBeVisible();
  await spanish.context().close();

  const portuguese = await (await browser.newContext({ locale: "pt-BR" })).newPage();
  expect((await portuguese.goto("/api/connect/not-a-provider"))?.status()).toBe(404);
  await expect(portuguese.getByRole("heading", { name: "Provedor desconhecido" })).toBeVisible();
  await expect(portuguese.getByRole("link", { name: "Voltar às suas conexões" })).toBeVisible();
  await portuguese.context().close();

  // A browser that names none of Headland's languages reads English, as before.
  const english = await request.get("/api/connect/not-a-provider", { headers: { "accept-language": "fr" } });
  expect(english.status()).toBe(404);
  expect(await english.text()).toContain("Unknown provider");
});

test("staff pages read English from the catalog whatever the browser's language", async ({ browser }) => {
  const context = await browser.newContext({ storageState: staffStatePath, locale: "pt-BR" });
  const page = await context.newPage();
  await page.goto("/staff/api-keys");
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create key" })).toBeVisible();
  await expect(page.getByRole("link", { name: "API reference" })).toHaveAttribute("href", "/api/v1/docs");
  await page.goto("/staff");
  await expect(page.getByRole("heading", { level: 1, name: "Staff" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Invite someone" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByRole("button", { name: "Import from Leaf" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Trimble summary$/ })).toBeVisible();
  await expect(page.getByText(/^Updated (just now|\d+s ago)/)).toBeVisible();
  // The header, a grower-facing part, follows the browser.
  await expect(page.getByRole("button", { name: "Sair" })).toBeVisible();
  await context.close();
});
