import { expect, request, type APIRequestContext } from "@playwright/test";

/** Signs a request context in through next-auth's credentials endpoint, as the browser form does. */
async function signIn(api: APIRequestContext, provider: "staff" | "invite", fields: Record<string, string>): Promise<void> {
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const response = await api.post(`/api/auth/callback/${provider}`, { form: { ...fields, csrfToken, json: "true" }, maxRedirects: 0 });
  expect(response.status(), `${provider} sign-in`).toBeLessThan(400);
}

export async function staffApi(appUrl: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: appUrl, extraHTTPHeaders: { origin: appUrl } });
  await signIn(api, "staff", { email: "staff@headland.test", password: "headland" });
  return api;
}

/** Adds a grower through the staff API, retrying while Leaf is failing (it creates the Leaf user). */
export async function addGrowerApi(staff: APIRequestContext, name: string): Promise<{ leafUserId: string; inviteUrl: string }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await staff.post("/api/growers", { data: { name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@farm.test` } });
    if (response.status() === 201) return response.json();
    expect(response.status(), await response.text()).toBe(503);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`could not add ${name}`);
}

export async function growerApi(appUrl: string, inviteUrl: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: appUrl, extraHTTPHeaders: { origin: appUrl } });
  await signIn(api, "invite", { token: decodeURIComponent(new URL(inviteUrl).pathname.split("/").pop()!) });
  return api;
}

/**
 * One consent flow without a browser: start, "Allow" at the sandbox's consent page, and return the
 * callback URL the provider redirects to (not yet visited).
 */
export async function consentUrl(grower: APIRequestContext, providerId: string): Promise<string> {
  const start = await grower.get(`/api/connect/${providerId}`, { maxRedirects: 0 });
  expect(start.status()).toBe(303);
  const authorize = new URL(start.headers()["location"]!);
  const form = Object.fromEntries(authorize.searchParams);
  const decision = await grower.post(`${authorize.origin}${authorize.pathname}`, { form: { ...form, decision: "allow" }, maxRedirects: 0 });
  expect(decision.status()).toBe(302);
  return decision.headers()["location"]!;
}

/** Visits the callback and returns where the app sent the grower. */
export async function completeConsent(grower: APIRequestContext, callbackUrl: string): Promise<string> {
  const response = await grower.get(callbackUrl, { maxRedirects: 0 });
  expect(response.status(), await response.text().catch(() => "")).toBe(303);
  return response.headers()["location"]!;
}
