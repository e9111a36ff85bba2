// The tests' hands at the HTTP level, against the shared server or a stack a test started itself:
// staff and grower sessions, adding growers, consent flows without a browser, and the sandbox's control
// routes. Black-box: only HTTP, as a browser, a provider or a test operator would speak it. Page-level
// flows (a browser clicking through) are in e2e/helpers.ts.
import path from "node:path";
import { type APIRequestContext, expect, request } from "@playwright/test";
import { leafBody } from "../../lib/providers/leaf-body";
import type { Provider } from "../../lib/providers/types";
import { specOf } from "./sandbox-spec";

/** A running Headland and its sandbox: the shared one playwright.config.ts starts, or one a test started itself. */
export interface Stack {
  appUrl: string;
  sandboxUrl: string;
}

export const sharedAppUrl = `http://127.0.0.1:${process.env.E2E_APP_PORT}`;
export const sharedSandboxUrl = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT}`;
export const sharedStack: Stack = { appUrl: sharedAppUrl, sandboxUrl: sharedSandboxUrl };

/** The shared server's staff session, signed in once per run by security/staff.setup.ts. */
export const staffStatePath = path.join(process.env.E2E_DATA_DIR!, "staff-session.json");

/** A request context that sends Origin like Headland's own pages do (state-changing routes demand it). */
export function apiContext(appUrl: string, storageState?: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL: appUrl, extraHTTPHeaders: { origin: appUrl }, storageState });
}

/** POSTs next-auth's credentials form; returns the URL next-auth answers with (an error page on failure). */
export async function postSignIn(
  api: APIRequestContext,
  provider: "staff" | "invite",
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<string> {
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const response = await api.post(`/api/auth/callback/${provider}`, {
    form: { ...fields, csrfToken, json: "true" },
    headers,
    maxRedirects: 0,
  });
  return (await response.json()).url;
}

export async function signIn(
  api: APIRequestContext,
  provider: "staff" | "invite",
  fields: Record<string, string>,
): Promise<void> {
  const url = await postSignIn(api, provider, fields);
  expect(url, `${provider} sign-in`).not.toContain("error=");
}

/** next-auth's sign-out, as the "Sign out" button posts it. */
export async function signOut(api: APIRequestContext): Promise<void> {
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const response = await api.post("/api/auth/signout", { form: { csrfToken, json: "true" }, maxRedirects: 0 });
  expect(response.ok(), "sign-out").toBe(true);
}

/** Another holder of the same session cookie, as if it had been copied out of the browser. */
export async function copyOfSession(api: APIRequestContext, appUrl: string): Promise<APIRequestContext> {
  return request.newContext({
    baseURL: appUrl,
    extraHTTPHeaders: { origin: appUrl },
    storageState: await api.storageState(),
  });
}

/**
 * A staff session. On the shared server it reuses the one signed in at setup: sign-in allows only 10
 * attempts per account every 15 minutes, and the browser flows sign the same account in too.
 */
export async function staffApi(stack: Stack = sharedStack): Promise<APIRequestContext> {
  if (stack === sharedStack) return apiContext(stack.appUrl, staffStatePath);
  const api = await apiContext(stack.appUrl);
  await signIn(api, "staff", { email: "staff@headland.test", password: "headland" });
  return api;
}

let growerCount = 0;

/**
 * Staff add a grower, under a name of its own. Retries while Leaf answers 503: adding creates the Leaf
 * user, and fault runs fail Leaf on purpose.
 */
export async function addGrower(
  staff: APIRequestContext,
  label = "Grower",
): Promise<{ leafUserId: string; inviteUrl: string; name: string }> {
  const name = `${label} ${Date.now()}-${process.pid}-${++growerCount}`;
  const data = { name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@farm.test` };
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await staff.post("/api/growers", { data });
    if (response.status() === 201) return { ...(await response.json()), name };
    expect(response.status(), await response.text()).toBe(503);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`could not add ${name}: Leaf kept failing`);
}

export const inviteToken = (inviteUrl: string) => decodeURIComponent(new URL(inviteUrl).pathname.split("/").pop()!);

/**
 * A grower signed in through their invite link, in a session of their own: the landing page's
 * "Continue as …", one of the link's uses.
 */
export async function growerApi(stack: Stack, inviteUrl: string): Promise<APIRequestContext> {
  const api = await apiContext(stack.appUrl);
  await signIn(api, "invite", { token: inviteToken(inviteUrl) });
  return api;
}

/** A grower staff just added, signed in. */
export async function newGrower(staff: APIRequestContext, stack: Stack = sharedStack, label?: string) {
  const grower = await addGrower(staff, label);
  return { ...grower, api: await growerApi(stack, grower.inviteUrl) };
}

/** Starts a consent flow; returns the provider's authorize URL the app redirected to. */
export async function startConsent(grower: APIRequestContext, providerId: string, query = ""): Promise<URL> {
  const start = await grower.get(`/api/connect/${providerId}${query}`, { maxRedirects: 0 });
  expect(start.status(), await start.text()).toBe(303);
  return new URL(start.headers().location!);
}

/** The grower's "Allow" at the sandbox's consent page; returns the callback URL (not yet visited). */
export async function allowAtProvider(grower: APIRequestContext, authorize: URL): Promise<URL> {
  const form = { ...Object.fromEntries(authorize.searchParams), decision: "allow" };
  const decision = await grower.post(`${authorize.origin}${authorize.pathname}`, { form, maxRedirects: 0 });
  expect(decision.status()).toBe(302);
  return new URL(decision.headers().location!);
}

/** Start and "Allow": the callback URL the provider sends the grower back to, not yet visited. */
export async function consentCallback(grower: APIRequestContext, providerId: string, query = ""): Promise<URL> {
  return allowAtProvider(grower, await startConsent(grower, providerId, query));
}

/** The app's relative form of a callback URL, so the request goes to the context's own base URL. */
export const relative = (url: URL) => `${url.pathname}${url.search}`;

/** Visits the callback, which must succeed (the code exchanged); returns where the app sent the grower. */
export async function completeConsent(grower: APIRequestContext, callback: URL): Promise<string> {
  const response = await grower.get(relative(callback), { maxRedirects: 0 });
  expect(response.status(), await response.text().catch(() => "")).toBe(303);
  return response.headers().location!;
}

/** A whole consent without a browser; returns where the app sent the grower. */
export async function connectProvider(grower: APIRequestContext, providerId: string): Promise<string> {
  return completeConsent(grower, await consentCallback(grower, providerId));
}

/**
 * One of the sandbox's test controls (`/_sandbox/…`), e.g. `faults`; fails the test unless it answers
 * 2xx. Returns its JSON.
 */
export async function sandboxControl(stack: Stack, method: "GET" | "POST" | "DELETE", route: string, body?: unknown) {
  const response = await fetch(`${stack.sandboxUrl}/_sandbox/${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `sandbox control ${method} ${route}: ${response.status}`).toBe(true);
  return response.json();
}

/** Calls the sandbox answered, by endpoint name, e.g. `trimble.token`. */
export const sandboxCalls = (stack: Stack): Promise<Record<string, number>> => sandboxControl(stack, "GET", "calls");

export const tokenEndpointCalls = (calls: Record<string, number>) =>
  Object.entries(calls)
    .filter(([name]) => name.endsWith(".token"))
    .reduce((sum, [, n]) => sum + n, 0);

/** Every token, code and client secret the sandbox issued or knows. */
export async function issuedSecrets(stack: Stack): Promise<string[]> {
  return (await sandboxControl(stack, "GET", "issued")).secrets;
}

/**
 * The credential as the sandbox Leaf holds it (with `postedBody`, the body Headland POSTed, and
 * `grantId`), or undefined.
 */
export async function leafCredential(stack: Stack, leafUserId: string, provider: Provider) {
  const response = await fetch(`${stack.sandboxUrl}/_sandbox/leaf/users/${leafUserId}/${provider.leaf.path}`);
  return response.ok ? response.json() : undefined;
}

/**
 * The refresh tokens the provider issued under a grant, first-issued first: the first is the one the code
 * exchange gave Headland.
 */
export async function issuedRefreshTokens(stack: Stack, grantId: string): Promise<string[]> {
  return (await sandboxControl(stack, "GET", `grants/${encodeURIComponent(grantId)}`)).refreshTokens;
}

/** The shape of any refresh token the sandbox issues for this provider, for checks that need no particular one. */
export const refreshTokenPattern = (provider: Provider) => new RegExp(`^${specOf(provider.id).tokenPrefix}_rt_`);

/**
 * The body Leaf must get for this provider: the provider file's declared fields, filled with the sandbox
 * client's values and these tokens (values or matchers; an access token not given may be any string).
 */
export function expectedLeafBody(provider: Provider, tokens: { accessToken?: unknown; refreshToken: unknown }) {
  const spec = specOf(provider.id);
  const settings = { ...spec.client, authorizeUrl: "", tokenUrl: "", issuer: "", options: spec.options };
  return leafBody(
    provider,
    { accessToken: expect.any(String), ...tokens } as { accessToken: string; refreshToken: string },
    settings,
  );
}

/**
 * Redeems a code at the sandbox's token endpoint directly, as a client holding the secret would (every
 * sandbox client uses HTTP Basic).
 */
export async function redeemCodeAtSandbox(
  stack: Stack,
  provider: Provider,
  code: string,
  redirectUri: string,
  verifier?: string,
) {
  const { client, paths } = specOf(provider.id);
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    code,
    redirect_uri: redirectUri,
    ...(verifier ? { code_verifier: verifier } : {}),
  });
  const response = await fetch(`${stack.sandboxUrl}${paths.token}`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body,
  });
  return { status: response.status, body: await response.json() };
}
