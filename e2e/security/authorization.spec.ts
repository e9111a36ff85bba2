import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { providerCase, providerCases } from "../helpers";
import {
  apiContext,
  connectProvider,
  consentCallback,
  leafCredential,
  newGrower,
  refreshTokenPattern,
  relative,
  sharedAppUrl,
  sharedStack,
  staffApi,
} from "../support/api";

// Headland has no middleware auth (proxy.ts only sets headers): every page, route handler and server
// action checks who is asking itself. This file reads the app's routes from app/ and probes each one, so
// a new route that forgets its check fails here. Deny by default: a route not listed below must refuse
// anonymous visitors and growers alike (staff only).
// "api-key": the partner API, for an API key only; no session (staff's included) reaches it.
type Access = "public" | "grower" | "own-grower" | "api-key";
const openTo: Record<string, Access> = {
  "GET /": "public", // sends each visitor to their start page
  "GET /signin": "public",
  "GET /invite/[token]": "public", // the signed token is the credential
  "GET /staff/join/[token]": "public", // a staff invite: the signed, single-use token is the credential
  "POST /api/staff/join": "public", // sets the invited member's password; the same token
  "POST /language": "public", // the language switch: sets a cookie (and a signed-in grower's own language)
  "GET /api/health": "public",
  "GET /api/ready": "public", // load balancers: database and migrations only
  "GET /api/auth/[...nextauth]": "public", // next-auth's own endpoints (csrf, session, sign-in)
  "POST /api/auth/[...nextauth]": "public",
  "GET /connections": "grower",
  "GET /api/connect/[provider]": "grower",
  "GET /api/connect/[provider]/callback": "grower",
  "GET /api/growers/[leafUserId]/connections": "own-grower",
  "DELETE /api/growers/[leafUserId]/connections/[provider]": "own-grower",
  "GET /api/v1/openapi.json": "public", // describes the partner API; grants nothing
  "GET /api/v1/docs": "public", // the same, as a page
  "GET /api/v1/growers": "api-key",
  "POST /api/v1/growers": "api-key",
  "GET /api/v1/growers/[id]": "api-key",
  "POST /api/v1/growers/[id]/invites": "api-key",
  "DELETE /api/v1/growers/[id]/connections/[provider]": "api-key",
  "GET /api/v1/events": "api-key",
};

const root = path.resolve(__dirname, "../..");
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Every page and route handler under app/, as "METHOD /pattern" (route groups dropped). */
function appRoutes(dir = path.join(root, "app"), segments: string[] = []): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      const skip = /^\(.*\)$/.test(entry.name) || entry.name.startsWith("@");
      return appRoutes(path.join(dir, entry.name), skip ? segments : [...segments, entry.name]);
    }
    const pattern = `/${segments.join("/")}`;
    if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) return [`GET ${pattern}`];
    if (/^route\.(ts|js)$/.test(entry.name)) {
      const source = readFileSync(path.join(dir, entry.name), "utf8");
      return methods
        .filter((m) =>
          new RegExp(`export\\s+(async\\s+)?function\\s+${m}\\b|\\bas\\s+${m}\\b|export\\s+const\\s+${m}\\b`).test(
            source,
          ),
        )
        .map((m) => `${m} ${pattern}`);
    }
    return [];
  });
}

/** Server actions anywhere in the source: each is a public POST endpoint and must check its caller. */
function serverActionFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(tsx?|jsx?)$/.test(entry.name) && /^\s*["']use server["']/m.test(readFileSync(full, "utf8")))
        found.push(path.relative(root, full));
    }
  };
  for (const dir of ["app", "components", "lib"]) walk(path.join(root, dir));
  return found;
}

const trimble = providerCase("trimble");
let staff: APIRequestContext;
let growerA: Awaited<ReturnType<typeof newGrower>>;
let growerB: Awaited<ReturnType<typeof newGrower>>;

test.beforeAll(async () => {
  staff = await staffApi();
  [growerA, growerB] = [await newGrower(staff), await newGrower(staff)];
  // B has a live credential at Leaf that A will try to read and delete.
  await connectProvider(growerB.api, trimble.id);
});

function urlFor(pattern: string, leafUserId: string): string {
  return pattern
    .replace("[leafUserId]", encodeURIComponent(leafUserId))
    .replace("[provider]", trimble.id)
    .replace("[token]", "not-a-signed-invite")
    .replace("[...nextauth]", "session");
}

function send(api: APIRequestContext, method: string, url: string): Promise<APIResponse> {
  return api.fetch(url, { method, maxRedirects: 0, data: method === "GET" ? undefined : {} });
}

/** A page as the client router fetches it (an RSC payload), where a refusal is a redirect or error directive. */
async function expectRscRefused(api: APIRequestContext, url: string, what: string) {
  const response = await api.get(`${url}${url.includes("?") ? "&" : "?"}_rsc`, {
    headers: { rsc: "1" },
    maxRedirects: 0,
  });
  const payload = await response.text();
  expect(payload, `${what} (RSC)`).toMatch(/NEXT_REDIRECT;\w+;\/signin|NEXT_HTTP_ERROR_FALLBACK;40[134]/);
  expect(payload, `${what} (RSC) shows nothing of grower B`).not.toContain(growerB.name);
}

/** Refused: 401/403/404, or a redirect to the sign-in page. */
function expectRefused(response: APIResponse, what: string) {
  const status = response.status();
  const location = response.headers().location ?? "";
  const refused =
    [401, 403, 404].includes(status) ||
    ([303, 307, 308].includes(status) && new URL(location, sharedAppUrl).pathname === "/signin");
  expect(refused, `${what} answered ${status} ${location}`).toBe(true);
}

test("every app/ page and route handler itself refuses visitors and growers where they have no business", async () => {
  const routes = appRoutes();
  expect(routes).toEqual(expect.arrayContaining(Object.keys(openTo)));
  const anonymous = await apiContext(sharedAppUrl);
  for (const route of routes) {
    const [method, pattern] = route.split(" ") as [string, string];
    const access = openTo[route];
    const url = urlFor(pattern, growerB.leafUserId);
    const page = !pattern.startsWith("/api/");
    if (access !== "public") {
      expectRefused(await send(anonymous, method, url), `anonymous ${route}`);
      if (page) await expectRscRefused(anonymous, url, `anonymous ${route}`);
    }
    // Grower A, on grower B's resources (or on staff-only ones).
    if (access === undefined || access === "own-grower" || access === "api-key") {
      expectRefused(await send(growerA.api, method, url), `grower ${route}`);
      if (page) await expectRscRefused(growerA.api, url, `grower ${route}`);
    }
    // Positive controls, so a refusal is not just a route that never answers: staff reach their GET
    // routes; a grower reaches their own resources.
    // A route about one record the probe cannot name (a webhook endpoint's `[id]`) answers staff 404, and one
    // that needs a parameter the probe does not send (bulk invites' provider) 400: answers past the check,
    // not refusals (those are 401, 403 or a redirect to sign in).
    if (access === undefined && method === "GET") {
      const status = (await send(staff, method, url)).status();
      expect(status <= 400 || status === 404, `staff ${route}: ${status}`).toBe(true);
    }
    if (access === "own-grower" && method === "GET")
      expect((await send(growerB.api, method, url)).status(), `owner ${route}`).toBe(200);
    // A staff session cookie alone never authorizes the partner API (it has no CSRF surface).
    if (access === "api-key") expect((await send(staff, method, url)).status(), `staff session ${route}`).toBe(401);
  }
});

test("no server action exists without a check: each one found must be added here with its own probe", () => {
  expect(serverActionFiles(), "server actions are public POST endpoints; add a probe for each").toEqual([]);
});

test("a grower cannot read another grower's connections: 403, whichever way the leafUserId is written", async () => {
  for (const id of [
    growerB.leafUserId,
    growerB.leafUserId.toUpperCase(),
    ` ${growerB.leafUserId}`,
    `${growerA.leafUserId}/../${growerB.leafUserId}`,
  ]) {
    const response = await growerA.api.get(`/api/growers/${encodeURIComponent(id)}/connections`);
    expect([403, 404], id).toContain(response.status());
    expect(await response.text()).not.toContain('trimble","status":"ok');
  }
  const traversal = await growerA.api.get(`/api/growers/${growerA.leafUserId}/../${growerB.leafUserId}/connections`);
  expect(traversal.status()).toBe(403);
});

test("a grower cannot disconnect another grower's connection: 403, and the credential at Leaf is intact", async () => {
  const before = await leafCredential(sharedStack, growerB.leafUserId, trimble);
  expect(before?.postedBody.refreshToken).toBeTruthy();
  for (const provider of providerCases) {
    const response = await growerA.api.delete(
      `/api/growers/${encodeURIComponent(growerB.leafUserId)}/connections/${provider.id}`,
    );
    expect(response.status()).toBe(403);
  }
  const after = await leafCredential(sharedStack, growerB.leafUserId, trimble);
  expect(after?.postedBody).toEqual(before.postedBody);
});

test("a grower cannot open another grower's staff page, nor steer a consent flow to another's leafUserId", async () => {
  expect(
    (await growerA.api.get(`/growers/${encodeURIComponent(growerB.leafUserId)}`, { maxRedirects: 0 })).status(),
  ).toBe(403);
  // The leafUserId comes from the session alone: one in the query is ignored, and the credential lands at A.
  const before = await leafCredential(sharedStack, growerB.leafUserId, trimble);
  const callback = await consentCallback(
    growerA.api,
    trimble.id,
    `?leafUserId=${growerB.leafUserId}&leaf_user_id=${growerB.leafUserId}`,
  );
  expect((await growerA.api.get(relative(callback), { maxRedirects: 0 })).status()).toBe(303);
  expect((await leafCredential(sharedStack, growerA.leafUserId, trimble))?.postedBody.refreshToken).toMatch(
    refreshTokenPattern(trimble),
  );
  expect((await leafCredential(sharedStack, growerB.leafUserId, trimble))?.postedBody).toEqual(before.postedBody);
});

test("a session cookie that was tampered with signs nobody in", async () => {
  const state = await growerA.api.storageState();
  const session = state.cookies.find((c) => c.name.endsWith("headland.session"))!;
  const flipped = session.value.slice(0, -6) + (session.value.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
  const forged = await apiContext(sharedAppUrl);
  const response = await forged.get(`/api/growers/${encodeURIComponent(growerA.leafUserId)}/connections`, {
    headers: { cookie: `${session.name}=${flipped}` },
  });
  expect(response.status()).toBe(401);
});

test("staff-only pages and APIs refuse growers with a 403 and send anonymous visitors to sign in", async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: await growerA.api.storageState() });
  const page = await context.newPage();
  for (const url of ["/dashboard", `/growers/${encodeURIComponent(growerB.leafUserId)}`]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You can't open this page" })).toBeVisible();
  }
  await context.close();
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto("/dashboard");
  await expect(anonymous).toHaveURL(/\/signin$/);
  await anonymous.context().close();
  expect(
    (await growerA.api.post("/api/growers", { data: { name: "Mallory", email: "mallory@farm.test" } })).status(),
  ).toBe(403);
  expect(
    (
      await (
        await apiContext(sharedAppUrl)
      ).post("/api/growers", { data: { name: "Mallory", email: "mallory@farm.test" } })
    ).status(),
  ).toBe(401);
});
