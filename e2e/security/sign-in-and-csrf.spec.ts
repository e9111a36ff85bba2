import { randomInt, randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { providerCase } from "../helpers";
import {
  apiContext,
  connectProvider,
  inviteToken,
  leafCredential,
  newGrower,
  postSignIn,
  refreshTokenPattern,
  sharedAppUrl,
  sharedStack,
  staffApi,
} from "../support/api";
import { type CrashableStack, startStack } from "../support/stack";

const evil = "https://evil.example";
const trimble = providerCase("trimble");

test.describe("CSRF: state-changing requests refuse a foreign Origin", () => {
  for (const [label, headers] of [
    ["a foreign Origin", { origin: evil }],
    ["Origin: null (a sandboxed frame or a redirect)", { origin: "null" }],
    ["a look-alike origin", { origin: `${sharedAppUrl}.evil.example` }],
    ["no Origin and a cross-site fetch", { origin: "", "sec-fetch-site": "cross-site" }],
  ] as const) {
    test(`adding a grower with ${label} is refused with 403`, async () => {
      const staff = await staffApi();
      const response = await staff.post("/api/growers", {
        headers,
        data: { name: "Forged", email: `forged-${randomUUID()}@farm.test` },
      });
      expect(response.status()).toBe(403);
      expect((await response.json()).error.code).toBe("foreign_origin");
    });
  }

  test("disconnecting with a foreign Origin is refused with 403, and the credential stays at Leaf", async () => {
    const grower = await newGrower(await staffApi());
    await connectProvider(grower.api, trimble.id);
    for (const origin of [evil, "null"]) {
      const response = await grower.api.delete(`/api/growers/${grower.leafUserId}/connections/${trimble.id}`, {
        headers: { origin },
      });
      expect(response.status()).toBe(403);
    }
    expect((await leafCredential(sharedStack, grower.leafUserId, trimble))?.postedBody.refreshToken).toMatch(
      refreshTokenPattern(trimble),
    );
  });

  test("next-auth's sign-in and sign-out refuse a POST without its CSRF token", async () => {
    const api = await apiContext(sharedAppUrl);
    await api.get("/api/auth/csrf");
    const signIn = await api.post("/api/auth/callback/staff", {
      form: { email: "staff@headland.test", password: "headland", json: "true" },
      maxRedirects: 0,
    });
    expect(JSON.stringify(await signIn.json())).toContain("csrf=true");
    expect(await (await api.get("/api/auth/session")).json()).toEqual({});
  });
});

test.describe("sign-in is rate limited", () => {
  test("the 11th sign-in attempt for one account within 15 minutes is refused", async () => {
    const api = await apiContext(sharedAppUrl);
    // An account nobody else uses, so no other test is locked out.
    const email = `rate-limit-${randomUUID()}@headland.test`;
    const results: string[] = [];
    for (let i = 0; i < 11; i++)
      results.push(
        new URL(await postSignIn(api, "staff", { email, password: `guess-${i}` })).searchParams.get("error")!,
      );
    expect(results.slice(0, 10)).toEqual(Array(10).fill("CredentialsSignin"));
    expect(results[10]).toBe("rate_limited");
  });
});

/** Which error next-auth answered a sign-in with ("CredentialsSignin", "rate_limited"), or null when it signed in. */
const signInError = async (api: APIRequestContext, fields: Record<string, string>, headers: Record<string, string>) =>
  new URL(await postSignIn(api, "staff", fields, headers)).searchParams.get("error");

test.describe("sign-in limits key on the address Headland saw, on a stack (and counters) of their own", () => {
  let stack: CrashableStack | undefined;
  test.afterEach(async () => stack?.stop());

  test(
    "the 101st attempt from one address within 15 minutes is refused, " +
      "though the client writes a fresh last X-Forwarded-For entry (and address header) every time",
    async () => {
      // 101 cost-12 bcrypt comparisons (an unknown email costs what a known one does), on a shared machine.
      test.setTimeout(240_000);
      // Reached directly, as `npm start` serves: the socket is the address, X-Forwarded-For is the client's prose.
      stack = await startStack();
      const api = await apiContext(stack.appUrl);
      const attempt = (i: number) =>
        signInError(
          api,
          { email: `spray-${i}-${randomUUID()}@headland.test`, password: "guess" },
          // Fresh every try: the last X-Forwarded-For entry, and even a copy of Headland's own address header.
          {
            "x-forwarded-for": `198.51.100.${randomInt(256)}, 203.0.113.${i}`,
            "x-headland-client-address": `192.0.2.${i}`,
          },
        );
      await api.get("/api/auth/csrf"); // one CSRF cookie for all the concurrent attempts below
      const results: (string | null)[] = [];
      for (let i = 0; i < 100; i += 5) results.push(...(await Promise.all([0, 1, 2, 3, 4].map((j) => attempt(i + j)))));
      expect(results).toEqual(Array(100).fill("CredentialsSignin"));
      expect(await attempt(100)).toBe("rate_limited");
    },
  );

  test("behind a trusted proxy, a guesser locked out of an account does not lock out its owner elsewhere", async () => {
    test.setTimeout(120_000);
    // The test plays the one trusted proxy (HEADLAND_TRUSTED_PROXIES=1): the entry it appends is the client.
    stack = await startStack({ HEADLAND_TRUSTED_PROXIES: "1" });
    const guesser = await apiContext(stack.appUrl);
    const fromGuesser = { "x-forwarded-for": "203.0.113.50, 198.51.100.66" };
    const guesses: (string | null)[] = [];
    for (let i = 0; i < 11; i++)
      guesses.push(await signInError(guesser, { email: "staff@headland.test", password: `guess-${i}` }, fromGuesser));
    expect(guesses).toEqual([...Array(10).fill("CredentialsSignin"), "rate_limited"]);

    const owner = await apiContext(stack.appUrl);
    const fromOwner = { "x-forwarded-for": "192.0.2.44" };
    expect(await signInError(owner, { email: "staff@headland.test", password: "headland" }, fromOwner)).toBeNull();
    expect((await (await owner.get("/api/auth/session")).json()).role).toBe("staff");
    // And the guesser, even with the right password now, stays refused for its 15 minutes.
    expect(await signInError(guesser, { email: "staff@headland.test", password: "headland" }, fromGuesser)).toBe(
      "rate_limited",
    );
  });
});

test.describe("no open redirect through next-auth's callbackUrl", () => {
  for (const target of [
    `${evil}/`,
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    `${sharedAppUrl}@evil.example`,
  ]) {
    test(`callbackUrl=${target} leads only to Headland`, async () => {
      const grower = await newGrower(await staffApi());
      const api = await apiContext(sharedAppUrl);
      const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
      const signedIn = await api.post("/api/auth/callback/invite", {
        form: { token: inviteToken(grower.inviteUrl), csrfToken, callbackUrl: target, json: "true" },
        maxRedirects: 0,
      });
      expect(new URL((await signedIn.json()).url).origin).toBe(sharedAppUrl);

      const signInPage = await api.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(target)}`, {
        maxRedirects: 0,
      });
      expect(new URL(signInPage.headers().location!, sharedAppUrl).origin).toBe(sharedAppUrl);

      const signedOut = await api.post("/api/auth/signout", {
        form: { csrfToken, callbackUrl: target, json: "true" },
        maxRedirects: 0,
      });
      expect(new URL((await signedOut.json()).url).origin).toBe(sharedAppUrl);
    });
  }
});
