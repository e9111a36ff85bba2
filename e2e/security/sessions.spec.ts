import { type APIRequestContext, expect, test } from "@playwright/test";
import {
  apiContext,
  copyOfSession,
  growerApi,
  newGrower,
  sharedAppUrl,
  sharedStack,
  signIn,
  signOut,
  staffApi,
} from "../support/api";
import { type CrashableStack, startStack } from "../support/stack";

// A session JWT is checked against its row on the server on every request: these are the ways a session
// must end although a copy of its cookie is still around.

const connectionsOf = (leafUserId: string) => `/api/growers/${encodeURIComponent(leafUserId)}/connections`;

async function freshStaff(appUrl: string): Promise<APIRequestContext> {
  // Not the shared staff session of the run: signing it out would sign every other test out.
  const api = await apiContext(appUrl);
  await signIn(api, "staff", { email: "staff@headland.test", password: "headland" });
  return api;
}

test("a copied session cookie stops working once its owner signs out, for staff and for growers", async () => {
  const grower = await newGrower(await staffApi());
  const cases = [
    { label: "staff", api: await freshStaff(sharedAppUrl), route: "/api/dashboard" },
    { label: "grower", api: grower.api, route: connectionsOf(grower.leafUserId) },
  ];
  for (const { label, api, route } of cases) {
    const copy = await copyOfSession(api, sharedAppUrl);
    expect((await copy.get(route)).status(), `${label} copy before sign-out`).toBe(200);
    await signOut(api);
    expect((await copy.get(route)).status(), `${label} copy after sign-out`).toBe(401);
    expect(await (await copy.get("/api/auth/session")).json(), label).toEqual({});
  }
});

test("a grower's open session stops working as soon as staff send a new invite", async ({ browser }) => {
  const staff = await staffApi();
  const grower = await newGrower(staff);
  const page = await (await browser.newContext({ storageState: await grower.api.storageState() })).newPage();
  await page.goto("/connections");
  await expect(page).toHaveURL(/\/connections$/);
  expect((await grower.api.get(connectionsOf(grower.leafUserId))).status()).toBe(200);

  const sent = await staff.post(`/api/growers/${encodeURIComponent(grower.leafUserId)}/invites`);
  expect(sent.status()).toBe(201);

  expect((await grower.api.get(connectionsOf(grower.leafUserId))).status()).toBe(401);
  await page.goto("/connections");
  await expect(page).toHaveURL(/\/signin\?grower=1$/);
  // The new link still signs the grower in.
  const again = await growerApi(sharedStack, (await sent.json()).inviteUrl);
  expect((await again.get(connectionsOf(grower.leafUserId))).status()).toBe(200);
});

test.describe("absolute lifetime", () => {
  const lifetimeSeconds = 15;
  let stack: CrashableStack;
  test.beforeAll(async () => {
    stack = await startStack({
      HEADLAND_STAFF_SESSION_HOURS: String(lifetimeSeconds / 3600),
      HEADLAND_GROWER_SESSION_DAYS: String(lifetimeSeconds / 86400),
    });
  });
  test.afterAll(() => stack?.stop());

  /** Refreshes the session every second, as an open tab does, until a data request is refused. */
  async function refreshUntilRefused(api: APIRequestContext, route: string, signedInBefore: number) {
    let lastRefresh = signedInBefore;
    let refreshes = 0;
    for (;;) {
      const session = await api.get("/api/auth/session");
      const data = await api.get(route);
      if (data.status() !== 200) {
        expect(data.status()).toBe(401);
        return { refusedAfterMs: Date.now() - signedInBefore, sinceLastRefreshMs: Date.now() - lastRefresh, refreshes };
      }
      // next-auth re-issued the cookie with a fresh expiry: without an absolute limit this would go on forever.
      expect(session.headers()["set-cookie"] ?? "").toContain("headland.session=");
      lastRefresh = Date.now();
      refreshes++;
      expect(lastRefresh - signedInBefore, "still accepted well past the lifetime").toBeLessThan(
        (lifetimeSeconds + 10) * 1000,
      );
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  test("a session past its lifetime is refused, although /api/auth/session kept refreshing its cookie", async () => {
    test.setTimeout(90_000);
    const staffSignedIn = Date.now();
    const staff = await freshStaff(stack.appUrl);
    const growerSignedIn = Date.now();
    const grower = await newGrower(staff, stack);
    const [staffRun, growerRun] = await Promise.all([
      refreshUntilRefused(staff, "/api/dashboard", staffSignedIn),
      refreshUntilRefused(grower.api, connectionsOf(grower.leafUserId), growerSignedIn),
    ]);
    for (const run of [staffRun, growerRun]) {
      expect(run.refreshes).toBeGreaterThan(3);
      expect(run.refusedAfterMs).toBeGreaterThanOrEqual(lifetimeSeconds * 1000);
      // The cookie had been re-issued moments before: it was the sign-in's age that ended it.
      expect(run.sinceLastRefreshMs).toBeLessThan(5_000);
    }
    expect(await (await grower.api.get("/api/auth/session")).json()).toEqual({});
  });
});
