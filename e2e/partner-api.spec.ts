import { expect, test } from "@playwright/test";
import { signInAsStaff } from "./helpers";
import { sharedAppUrl } from "./support/api";

// A partner's own system: an admin creates an API key (shown once), the system calls /api/v1 with it, the
// admin revokes it and the system's next call is refused. A signed-in browser alone never reaches /api/v1.

test("an admin creates an API key, a system uses it, and after revoking it the next call gets 401", async ({
  page,
}) => {
  const name = `CRM ${Date.now()}`;
  await signInAsStaff(page);
  await page.goto("/staff");
  await page.getByRole("link", { name: "API keys", exact: true }).click();
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
  await page.getByLabel("Key name").fill(name);
  await page.getByLabel("Scope").selectOption("write");
  await page.getByRole("button", { name: "Create key" }).click();
  const field = page.getByRole("textbox", { name: "New API key" });
  await expect(field).toHaveValue(/^hl_(test|live)_/);
  const key = await field.inputValue();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(`••••${key.slice(-4)}`);
  await expect(row).toContainText("Never");

  // Shown once: after a reload the page holds only the masked form.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "New API key" })).toHaveCount(0);
  expect(await page.content()).not.toContain(key);

  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${sharedAppUrl}/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...init.headers },
    });
  const email = `api.${Date.now()}@farm.test`;
  const created = await call("/growers", { method: "POST", body: JSON.stringify({ name: "Api Grower", email }) });
  expect(created.status).toBe(201);
  const grower = await created.json();
  expect(grower.invite.url).toContain("/invite/");
  const read = await call(`/growers/${encodeURIComponent(grower.id)}`);
  expect(read.status).toBe(200);
  expect((await read.json()).connections[0].statusWords).toBe("Not connected");

  // The admin's session cookie alone does not authorize the API.
  const cookieOnly = await page.request.get("/api/v1/growers");
  expect(cookieOnly.status()).toBe(401);
  expect(cookieOnly.headers()["content-type"]).toBe("application/problem+json");

  await page.reload();
  await expect(row).not.toContainText("Never");
  // Last used just now, in the reader's zone (a <time> with the exact moment), not as UTC text.
  const lastUsed = new Date((await row.locator("time").first().getAttribute("datetime"))!);
  expect(Date.now() - lastUsed.getTime()).toBeLessThan(120_000);
  await expect(row).not.toContainText("UTC");
  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("Revoked");
  const refused = await call("/growers");
  expect(refused.status).toBe(401);
  expect(await refused.json()).toMatchObject({ status: 401, title: "Missing or unknown API key" });

  // The reference the page links to renders from the document, and the document itself is served.
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "Headland partner API" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "POST /growers/{id}/invites" })).toBeVisible();
  expect((await (await fetch(`${sharedAppUrl}/api/v1/openapi.json`)).json()).openapi).toBe("3.1.0");
});
