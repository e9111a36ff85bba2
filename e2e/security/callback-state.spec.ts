import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { providerCase, providerCases } from "../helpers";
import {
  consentCallback,
  growerApi,
  issuedSecrets,
  leafCredential,
  newGrower,
  redeemCodeAtSandbox,
  refreshTokenPattern,
  relative,
  sandboxCalls,
  sandboxControl,
  staffApi,
  startConsent,
  tokenEndpointCalls,
} from "../support/api";
import { specOf } from "../support/sandbox-spec";
import { startTappedStack, type TappedStack } from "../support/stack";
import { findLeaks } from "./leaks";

// Every case here counts the sandbox's token-endpoint calls, so they run on a private stack (its own
// app and sandbox): no other test's flows can move these counters. Serial, because they share it. The
// stack's OAuth transactions live 6 seconds, so an expired state can be shown without waiting 30 minutes.
test.describe.configure({ mode: "serial" });

const ttlSeconds = 6;
const deere = providerCase("john-deere");
let stack: TappedStack;
let staff: APIRequestContext;
let grower: Awaited<ReturnType<typeof newGrower>>;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  stack = await startTappedStack({ HEADLAND_OAUTH_TRANSACTION_TTL_SECONDS: String(ttlSeconds) });
  staff = await staffApi(stack);
  grower = await newGrower(staff, stack);
});
test.afterAll(async () => stack?.stop());

const tokenCalls = async () => tokenEndpointCalls(await sandboxCalls(stack));

/** A refusal as the issue demands: the status, a plain HTML page with words and a way back, no token call. */
async function expectRefused(visit: () => Promise<APIResponse>, status: number, words: RegExp) {
  const before = await tokenCalls();
  const response = await visit();
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toMatch(/^text\/html/);
  const html = await response.text();
  expect(html).toMatch(words);
  expect(html).toContain('href="/connections"');
  expect(html).not.toMatch(/Error:|at \w+ \(|stack/i);
  expect(await tokenCalls(), "token endpoint calls").toBe(before);
}

/** The issuer a provider's authorization responses name, where it sends one (RFC 9207). */
const issuerOf = (id: string) => `${stack.sandboxUrl}${specOf(id).paths.issuer}`;

const expiredWords = /This sign-in link has expired/;
const otherSessionWords = /This sign-in belongs to another session/;

function withParams(url: URL, change: (params: URLSearchParams) => void): string {
  const copy = new URL(url);
  change(copy.searchParams);
  return `${copy.pathname}${copy.search}`;
}

test("a callback without a state, or with the state repeated, gets a plain 400 page and no token call", async () => {
  const callback = await consentCallback(grower.api, "trimble");
  const state = callback.searchParams.get("state")!;
  await expectRefused(() => grower.api.get(withParams(callback, (p) => p.delete("state"))), 400, expiredWords);
  await expectRefused(() => grower.api.get(withParams(callback, (p) => p.append("state", state))), 400, expiredWords);
  await expectRefused(() => grower.api.get(withParams(callback, (p) => p.set("state", ""))), 400, expiredWords);
});

test("a callback with a state Headland never issued is refused with a plain 400 page and no token call", async () => {
  const callback = await consentCallback(grower.api, "trimble");
  await expectRefused(
    () => grower.api.get(withParams(callback, (p) => p.set("state", "x".repeat(43)))),
    400,
    expiredWords,
  );
});

test("a callback whose state has expired is refused with a plain 400 page and no token call", async () => {
  const callback = await consentCallback(grower.api, "trimble");
  await new Promise((r) => setTimeout(r, ttlSeconds * 1000 + 500));
  await expectRefused(() => grower.api.get(relative(callback)), 400, expiredWords);
});

test("a callback replayed after it succeeded gets a plain 400 page, and the code is never redeemed twice", async () => {
  const callback = await consentCallback(grower.api, "trimble");
  const before = await tokenCalls();
  const first = await grower.api.get(relative(callback), { maxRedirects: 0 });
  expect(first.status()).toBe(303);
  // Success sends the grower on to Trimble Ag's organization page, the way back to Headland encoded in it.
  expect(decodeURIComponent(first.headers().location!)).toContain("connected=trimble");
  expect(await tokenCalls()).toBe(before + 1);
  await expectRefused(() => grower.api.get(relative(callback)), 400, expiredWords);
});

test("a callback carrying a state made for another session gets a plain 403 page and no token call", async () => {
  const other = await newGrower(staff, stack);
  const callback = await consentCallback(grower.api, "trimble");
  await expectRefused(() => other.api.get(relative(callback)), 403, otherSessionWords);

  // The same grower, signed in a second time (another browser): still another session.
  const sameGrowerElsewhere = await growerApi(stack, grower.inviteUrl);
  const second = await consentCallback(grower.api, "trimble");
  await expectRefused(() => sameGrowerElsewhere.get(relative(second)), 403, otherSessionWords);
});

test("mix-up: one provider's state, at another's callback, gets a plain 403 page and no token call", async () => {
  const callback = await consentCallback(grower.api, "trimble");
  const elsewhere = relative(callback).replace("/api/connect/trimble/", "/api/connect/climate-fieldview/");
  await expectRefused(() => grower.api.get(elsewhere), 403, otherSessionWords);
  // The refused attempt did not spend the transaction: the right callback still completes.
  const done = await grower.api.get(relative(callback), { maxRedirects: 0 });
  expect(done.status()).toBe(303);
  expect(decodeURIComponent(done.headers().location!)).toContain("connected=trimble");
});

test("an attacker's session with a victim's state gets a 403; the victim's own callback still completes", async () => {
  const victim = await newGrower(staff, stack, "Victim");
  const attacker = await newGrower(staff, stack, "Attacker");
  const callback = await consentCallback(victim.api, "trimble");
  // The attacker holds the victim's whole callback URL (state and code), e.g. from a leaked link.
  await expectRefused(() => attacker.api.get(relative(callback)), 403, otherSessionWords);
  const before = await tokenCalls();
  const done = await victim.api.get(relative(callback), { maxRedirects: 0 });
  expect(done.status()).toBe(303);
  expect(decodeURIComponent(done.headers().location!)).toContain("connected=trimble");
  expect(await tokenCalls()).toBe(before + 1);
  expect((await leafCredential(stack, victim.leafUserId, providerCase("trimble")))?.postedBody.refreshToken).toMatch(
    refreshTokenPattern(providerCase("trimble")),
  );
});

test("a callback with the code repeated is refused with a plain 400 page before the transaction is spent", async () => {
  const callback = await consentCallback(grower.api, "trimble");
  const code = callback.searchParams.get("code")!;
  await expectRefused(() => grower.api.get(withParams(callback, (p) => p.append("code", code))), 400, expiredWords);
  await expectRefused(
    () => grower.api.get(withParams(callback, (p) => p.append("code", "trm_code_other"))),
    400,
    expiredWords,
  );
  const done = await grower.api.get(relative(callback), { maxRedirects: 0 });
  expect(done.status()).toBe(303);
  expect(decodeURIComponent(done.headers().location!)).toContain("connected=trimble");
});

test("mix-up: each provider has its own callback path in the authorize request", async () => {
  for (const { id } of providerCases) {
    const authorize = await startConsent(grower.api, id);
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${stack.appUrl}/api/connect/${id}/callback`);
  }
});

test("mix-up (RFC 9207): a wrong iss gets a plain 403 page and no token call; the right iss is accepted", async () => {
  const callback = await consentCallback(grower.api, deere.id);
  await expectRefused(
    () =>
      grower.api.get(withParams(callback, (p) => p.set("iss", `${stack.sandboxUrl}${specOf("trimble").paths.issuer}`))),
    403,
    otherSessionWords,
  );

  const next = await consentCallback(grower.api, deere.id);
  const before = await tokenCalls();
  const accepted = await grower.api.get(
    withParams(next, (p) => p.set("iss", `${stack.sandboxUrl}${specOf(deere.id).paths.issuer}`)),
    { maxRedirects: 0 },
  );
  expect(accepted.status()).toBe(303);
  expect(await tokenCalls()).toBe(before + 1);
});

// RFC 9207. A provider that sends iss (the simulated Trimble) must send its own; one that does not
// (Climate FieldView and John Deere, as far as their documentation shows) may leave it out, never send another.
for (const provider of providerCases) {
  const sends = specOf(provider.id).sendsIss;
  const ifMissing = sends ? "refused too" : "accepted";
  test(`RFC 9207, ${provider.name}: a wrong iss gets a 403, no token call; a missing one is ${ifMissing}`, async () => {
    const wrong = await consentCallback(grower.api, provider.id);
    expect(wrong.searchParams.has("iss"), "the sandbox sends iss").toBe(sends);
    await expectRefused(
      () => grower.api.get(withParams(wrong, (p) => p.set("iss", `${stack.sandboxUrl}/evil`))),
      403,
      otherSessionWords,
    );
    const missing = await consentCallback(grower.api, provider.id);
    const withoutIss = withParams(missing, (p) => p.delete("iss"));
    if (sends) {
      await expectRefused(() => grower.api.get(withoutIss), 403, otherSessionWords);
    } else {
      const response = await grower.api.get(withoutIss, { maxRedirects: 0 });
      expect(response.status()).toBe(303);
      expect(response.headers().location).not.toContain("error=");
    }
  });
}

// Token responses no client should use: each ends as a plain sentence for the grower, and nothing is
// stored (no delivery waiting in the outbox, no credential at Leaf).
for (const answer of ["not-json", "array", "unknown-token-type", "redirect", "oversized"]) {
  test(`a token endpoint answering ${answer} ends as a plain sentence, with nothing stored`, async () => {
    const trimble = providerCase("trimble");
    const someone = await newGrower(staff, stack, "Odd answer");
    const callback = await consentCallback(someone.api, trimble.id);
    await sandboxControl(stack, "POST", "faults", { target: trimble.id, mode: "answer", answer, count: 1 });
    const before = await tokenCalls();
    const response = await someone.api.get(relative(callback), { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    const landing = new URL(response.headers().location!);
    expect(`${landing.pathname}${landing.search}`).toBe("/connections?error=bad_token_response&provider=trimble");
    // One request: a redirect is not followed (it pointed back at the token endpoint, with the code and secret).
    expect(await tokenCalls()).toBe(before + 1);
    const page = await (await someone.api.get(relative(landing))).text();
    expect(page).toContain("Trimble sent an answer Headland cannot read");
    expect(page).toContain("Nothing was saved");
    expect(await leafCredential(stack, someone.leafUserId, trimble)).toBeUndefined();
    const { connections } = await (await someone.api.get(`/api/growers/${someone.leafUserId}/connections`)).json();
    expect(connections.find((c: { provider: string }) => c.provider === trimble.id)?.status).toBe("not_connected");
  });
}

// Why not Climate FieldView's and Trimble's: see providers.md.
test("PKCE: Deere's authorize request carries an S256 challenge, Climate FieldView's and Trimble's none", async () => {
  const authorize = await startConsent(grower.api, deere.id);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorize.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  for (const id of ["climate-fieldview", "trimble"]) {
    const authorize = await startConsent(grower.api, id);
    expect(authorize.searchParams.has("code_challenge")).toBe(false);
  }
});

// The sandbox refuses any verifier but the one matching the challenge.
test("PKCE: the token request carries the verifier matching the challenge, and Leaf gets the credential", async () => {
  const someone = await newGrower(staff, stack);
  const callback = await consentCallback(someone.api, deere.id);
  const before = await sandboxCalls(stack);
  const response = await someone.api.get(relative(callback), { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers().location).not.toContain("error=");
  const after = await sandboxCalls(stack);
  expect((after[`${deere.id}.token`] ?? 0) - (before[`${deere.id}.token`] ?? 0)).toBe(1);
  expect((await leafCredential(stack, someone.leafUserId, deere))?.postedBody.refreshToken).toMatch(
    refreshTokenPattern(deere),
  );
});

test("PKCE: a John Deere code redeemed without its verifier, or with another one, fails at the sandbox", async () => {
  const redirectUri = `${stack.appUrl}/api/connect/${deere.id}/callback`;
  const withoutVerifier = await redeemCodeAtSandbox(
    stack,
    deere,
    (await consentCallback(grower.api, deere.id)).searchParams.get("code")!,
    redirectUri,
  );
  expect(withoutVerifier).toEqual({
    status: 400,
    body: expect.objectContaining({
      error: "invalid_grant",
      error_description: expect.stringMatching(/code_verifier/),
    }),
  });
  const wrongVerifier = await redeemCodeAtSandbox(
    stack,
    deere,
    (await consentCallback(grower.api, deere.id)).searchParams.get("code")!,
    redirectUri,
    "a".repeat(43),
  );
  expect(wrongVerifier).toEqual({
    status: 400,
    body: expect.objectContaining({
      error: "invalid_grant",
      error_description: expect.stringMatching(/code_verifier/),
    }),
  });
});

test("the provider's access_denied brings the grower back to a plain sentence, with no token call", async () => {
  const authorize = await startConsent(grower.api, "trimble");
  const before = await tokenCalls();
  const response = await grower.api.get(
    `/api/connect/trimble/callback?error=access_denied&state=${authorize.searchParams.get("state")}` +
      `&iss=${encodeURIComponent(issuerOf("trimble"))}`,
    { maxRedirects: 0 },
  );
  expect(response.status()).toBe(303);
  const landing = new URL(response.headers().location!);
  expect(`${landing.pathname}${landing.search}`).toBe("/connections?error=access_denied&provider=trimble");
  const page = await (await grower.api.get(relative(landing))).text();
  expect(page).toContain("Trimble was not connected");
  expect(page).toContain("You chose not to allow access");
  expect(await tokenCalls()).toBe(before);
});

for (const error of [
  "invalid_request",
  "unauthorized_client",
  "invalid_scope",
  "server_error",
  "temporarily_unavailable",
  "unsupported_response_type",
  "made_up_error",
]) {
  test(`the provider's error=${error} is shown as a plain sentence, with no token call`, async () => {
    const authorize = await startConsent(grower.api, "climate-fieldview");
    const before = await tokenCalls();
    const response = await grower.api.get(
      `/api/connect/climate-fieldview/callback?error=${error}&state=${authorize.searchParams.get("state")}`,
      { maxRedirects: 0 },
    );
    expect(response.status()).toBe(303);
    const landing = new URL(response.headers().location!);
    expect(landing.searchParams.get("error")).toBe("authorize_failed");
    const page = await (await grower.api.get(relative(landing))).text();
    expect(page).toContain("Climate FieldView could not finish signing you in");
    expect(page).not.toContain(error);
    expect(await tokenCalls()).toBe(before);
  });
}

test("an error_description carrying markup is never rendered, as HTML or as text, and nothing in it runs", async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: await grower.api.storageState() });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const payload =
    `<img src=x id=injected onerror="alert('img')"><script>alert('script')</script>` +
    `Call +1 555 0100 to "verify" your account`;
  const authorize = await startConsent(grower.api, "trimble");
  const query = new URLSearchParams({
    error: "access_denied",
    error_description: payload,
    error_uri: "javascript:alert('uri')",
    state: authorize.searchParams.get("state")!,
    iss: issuerOf("trimble"),
  });
  await page.goto(`${stack.appUrl}/api/connect/trimble/callback?${query}`);
  await expect(page).toHaveURL(/\/connections\?error=access_denied/);
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("You chose not to allow access");
  await expect(page.locator("#injected")).toHaveCount(0);
  expect(await page.content()).not.toContain("555 0100");
  expect(dialogs).toEqual([]);
  await context.close();
});

test("nothing this stack served or logged holds a token or secret its sandbox issued", async () => {
  const { leaks, responses } = findLeaks(stack.tapDir, await issuedSecrets(stack));
  expect(responses).toBeGreaterThan(20);
  expect(leaks).toEqual([]);
});
