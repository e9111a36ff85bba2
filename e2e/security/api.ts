// The security suite's hands: sign-in, growers and consent flows through the request API, against the
// shared server or a private stack. Black-box: only HTTP, as a browser or a provider would speak it.
import path from "node:path";
import { expect, request, type APIRequestContext } from "@playwright/test";
import { sandboxClients } from "../../sandbox/accounts";
import { sandboxUrl as sharedSandboxUrl } from "../helpers";

export const sharedAppUrl = `http://127.0.0.1:${process.env.E2E_APP_PORT}`;
export { sharedSandboxUrl };

/** The shared server's staff session, signed in once by staff.setup.ts. */
export const staffStatePath = path.join(process.env.E2E_DATA_DIR!, "staff-session.json");

export interface Stack {
  appUrl: string;
  sandboxUrl: string;
}
export const sharedStack: Stack = { appUrl: sharedAppUrl, sandboxUrl: sharedSandboxUrl };

/** A request context that sends Origin like Headland's own pages do (state-changing routes demand it). */
export function apiContext(appUrl: string, storageState?: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL: appUrl, extraHTTPHeaders: { origin: appUrl }, storageState });
}

/** POSTs next-auth's credentials form; returns the URL next-auth answers with (an error page on failure). */
export async function postSignIn(api: APIRequestContext, provider: "staff" | "invite", fields: Record<string, string>, headers: Record<string, string> = {}): Promise<string> {
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const response = await api.post(`/api/auth/callback/${provider}`, { form: { ...fields, csrfToken, json: "true" }, headers, maxRedirects: 0 });
  return (await response.json()).url;
}

export async function signIn(api: APIRequestContext, provider: "staff" | "invite", fields: Record<string, string>): Promise<void> {
  const url = await postSignIn(api, provider, fields);
  expect(url, `${provider} sign-in`).not.toContain("error=");
}

export async function staffApi(stack: Stack = sharedStack): Promise<APIRequestContext> {
  if (stack === sharedStack) return apiContext(stack.appUrl, staffStatePath);
  const api = await apiContext(stack.appUrl);
  await signIn(api, "staff", { email: "staff@headland.test", password: "headland" });
  return api;
}

let growerCount = 0;

export async function addGrower(staff: APIRequestContext, label = "Security"): Promise<{ leafUserId: string; inviteUrl: string; name: string }> {
  const name = `${label} ${Date.now()}-${process.pid}-${++growerCount}`;
  const response = await staff.post("/api/growers", { data: { name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@farm.test` } });
  expect(response.status(), await response.text()).toBe(201);
  return { ...(await response.json()), name };
}

export const inviteToken = (inviteUrl: string) => decodeURIComponent(new URL(inviteUrl).pathname.split("/").pop()!);

/** A grower signed in through their invite link, in a session of their own. */
export async function growerApi(stack: Stack, inviteUrl: string): Promise<APIRequestContext> {
  const api = await apiContext(stack.appUrl);
  await signIn(api, "invite", { token: inviteToken(inviteUrl) });
  return api;
}

export async function newGrower(staff: APIRequestContext, stack: Stack = sharedStack) {
  const grower = await addGrower(staff);
  return { ...grower, api: await growerApi(stack, grower.inviteUrl) };
}

/** Starts a consent flow; returns the provider's authorize URL the app redirected to. */
export async function startConsent(grower: APIRequestContext, providerId: string, query = ""): Promise<URL> {
  const start = await grower.get(`/api/connect/${providerId}${query}`, { maxRedirects: 0 });
  expect(start.status(), await start.text()).toBe(303);
  return new URL(start.headers()["location"]!);
}

/** The grower's "Allow" at the sandbox's consent page; returns the callback URL (not yet visited). */
export async function allowAtProvider(grower: APIRequestContext, authorize: URL): Promise<URL> {
  const form = { ...Object.fromEntries(authorize.searchParams), decision: "allow" };
  const decision = await grower.post(`${authorize.origin}${authorize.pathname}`, { form, maxRedirects: 0 });
  expect(decision.status()).toBe(302);
  return new URL(decision.headers()["location"]!);
}

export async function consentCallback(grower: APIRequestContext, providerId: string, query = ""): Promise<URL> {
  return allowAtProvider(grower, await startConsent(grower, providerId, query));
}

/** The app's relative form of a callback URL, so the request goes to the context's own base URL. */
export const relative = (url: URL) => `${url.pathname}${url.search}`;

/** Calls the sandbox answered, by endpoint name, e.g. `trimble.token`. */
export async function sandboxCalls(stack: Stack): Promise<Record<string, number>> {
  return (await fetch(`${stack.sandboxUrl}/_sandbox/calls`)).json();
}

export const tokenEndpointCalls = (calls: Record<string, number>) =>
  Object.entries(calls).filter(([name]) => name.endsWith(".token")).reduce((sum, [, n]) => sum + n, 0);

/** Every token, code and client secret the sandbox issued or knows. */
export async function issuedSecrets(stack: Stack): Promise<string[]> {
  return (await (await fetch(`${stack.sandboxUrl}/_sandbox/issued`)).json()).secrets;
}

/** The credential as the sandbox Leaf holds it, or undefined. */
export async function leafCredential(stack: Stack, leafUserId: string, leafPath: string) {
  const response = await fetch(`${stack.sandboxUrl}/_sandbox/leaf/users/${leafUserId}/${leafPath}`);
  return response.ok ? response.json() : undefined;
}

/** Redeems a John Deere code at the sandbox's token endpoint directly, as a client holding the secret would. */
export async function redeemDeereCodeAtSandbox(stack: Stack, code: string, redirectUri: string, verifier?: string) {
  const { clientId, clientSecret } = sandboxClients["john-deere"];
  const body = new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri, ...(verifier ? { code_verifier: verifier } : {}) });
  const response = await fetch(`${stack.sandboxUrl}/deere/oauth2/v1/token`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  return { status: response.status, body: await response.json() };
}
