import { type APIResponse, expect, test } from "@playwright/test";
import { allowAtProvider, apiContext, newGrower, sharedAppUrl, staffApi } from "../support/api";

function cspOf(response: APIResponse): Map<string, string> {
  const header = response.headers()["content-security-policy"] ?? "";
  return new Map(
    header
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(" ")[0]!, d.slice(d.indexOf(" ") + 1)]),
  );
}

const nonceOf = (response: APIResponse) =>
  cspOf(response)
    .get("script-src")
    ?.match(/'nonce-([^']+)'/)?.[1];

test("every kind of response carries a nonce-based CSP, frame-ancestors 'none', no-referrer and nosniff", async () => {
  const { api: grower } = await newGrower(await staffApi());
  const anonymous = await apiContext(sharedAppUrl);
  const responses = {
    "sign-in page": await anonymous.get("/signin"),
    "grower page": await grower.get("/connections"),
    "staff page refused": await grower.get("/dashboard"),
    "missing page": await anonymous.get("/no-such-page"),
    "JSON API": await anonymous.get("/api/health"),
    "consent redirect": await grower.get("/api/connect/trimble", { maxRedirects: 0 }),
    "refused callback (carries a code)": await grower.get(
      "/api/connect/trimble/callback?code=trm_code_x&state=unknown",
    ),
    "undecodable address": await anonymous.get("/invite/%E0%A4%A"),
    "unknown provider page": await grower.get("/api/connect/no-such-provider"),
  };
  for (const [what, response] of Object.entries(responses)) {
    const csp = cspOf(response);
    expect(csp.get("script-src"), what).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp.get("script-src"), what).not.toContain("unsafe-inline");
    expect(csp.get("frame-ancestors"), what).toBe("'none'");
    expect(csp.get("object-src"), what).toBe("'none'");
    expect(csp.get("base-uri"), what).toBe("'none'");
    expect(response.headers()["referrer-policy"], what).toBe("no-referrer");
    expect(response.headers()["x-content-type-options"], what).toBe("nosniff");
    expect(response.headers()["x-frame-options"], what).toBe("DENY");
    expect(response.headers()["cross-origin-opener-policy"], what).toBe("same-origin");
    expect(response.status(), what).toBeLessThan(500);
  }
});

test("every response that carries a state, or answers a URL that carries one, is no-store", async () => {
  const { api: grower } = await newGrower(await staffApi());
  const start = await grower.get("/api/connect/trimble", { maxRedirects: 0 });
  const callback = await allowAtProvider(grower, new URL(start.headers().location!));
  const state = callback.searchParams.get("state")!;
  const responses = {
    "consent redirect (Location carries the state)": start,
    "callback redirect after success": await grower.get(`${callback.pathname}${callback.search}`, { maxRedirects: 0 }),
    "callback replayed (refused page)": await grower.get(`${callback.pathname}${callback.search}`),
    "callback with the grower's refusal": await grower.get(
      `/api/connect/trimble/callback?error=access_denied&state=${encodeURIComponent(state)}` +
        `&iss=${encodeURIComponent(callback.searchParams.get("iss") ?? "")}`,
      { maxRedirects: 0 },
    ),
    "callback for an unknown provider": await grower.get(`/api/connect/nope/callback?code=x&state=${state}`),
    "callback signed out": await (await apiContext(sharedAppUrl)).get(
      `/api/connect/trimble/callback?code=x&state=${state}`,
      {
        maxRedirects: 0,
      },
    ),
  };
  for (const [what, response] of Object.entries(responses)) {
    expect(response.headers()["cache-control"], what).toMatch(/\bno-store\b/);
    expect(response.headers()["cross-origin-opener-policy"], what).toBe("same-origin");
  }
});

test("the nonce is fresh on every response and is on every script of the page", async () => {
  const anonymous = await apiContext(sharedAppUrl);
  const [first, second] = [await anonymous.get("/signin"), await anonymous.get("/signin")];
  expect(nonceOf(first)).toBeTruthy();
  expect(nonceOf(first)).not.toBe(nonceOf(second));
  const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(first)}"`);
});

test("the browser runs the pages under the CSP without a single violation", async ({ browser }) => {
  const { api: grower } = await newGrower(await staffApi());
  for (const [url, storageState] of [
    ["/signin", undefined],
    ["/connections", await grower.storageState()],
  ] as const) {
    const context = await browser.newContext({ storageState });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(url);
    // Hydrated: the client components work (React ran under the nonce).
    if (url === "/signin") {
      await page.getByLabel("Email").fill("nobody@headland.test");
      await page.getByLabel("Password").fill("wrong");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText(/don't match|Too many attempts/);
    } else {
      await expect(page.getByRole("link", { name: "Connect Trimble" })).toBeVisible();
    }
    expect(violations).toEqual([]);
    await context.close();
  }
});

test("the page cannot be framed by another site", async ({ page }) => {
  await page.setContent(`<iframe id="f" src="${sharedAppUrl}/signin"></iframe>`);
  const frame = page.frame({ url: /\/signin/ });
  // Blocked frames stay on an error page: no sign-in form is ever rendered inside.
  await page.waitForTimeout(500);
  expect(
    (await frame
      ?.locator("input[name=email]")
      .count()
      .catch(() => 0)) ?? 0,
  ).toBe(0);
});

test("HSTS is sent when Headland is served over https, and not over plain http", async () => {
  const anonymous = await apiContext(sharedAppUrl);
  const https = await anonymous.get("/signin", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toMatch(/max-age=(\d{8,}); includeSubDomains/);
  expect(Number(https.headers()["strict-transport-security"]!.match(/max-age=(\d+)/)![1])).toBeGreaterThanOrEqual(
    31_536_000,
  );
  expect((await anonymous.get("/signin")).headers()["strict-transport-security"]).toBeUndefined();
});

// Starting a consent sets no cookie: the transaction stays on the server, bound to the session.
test("the session cookie is HttpOnly and SameSite=Lax, and starting a consent sets no cookie", async () => {
  const { api: grower } = await newGrower(await staffApi());
  const session = (await grower.storageState()).cookies.find((c) => c.name.endsWith("headland.session"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  const start = await grower.get("/api/connect/john-deere", { maxRedirects: 0 });
  expect(start.status()).toBe(303);
  expect(start.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie")).toEqual([]);
  // Secure and __Host- over https: lib/auth/options.test.ts (an http test server cannot set them).
});
