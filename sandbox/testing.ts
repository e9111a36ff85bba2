// Helpers for the sandbox's own tests: a sandbox per test file, and the flows a client walks through.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { providers } from "@/lib/providers/registry";
import { sandboxLeafAccount } from "@/lib/sandbox-defaults";
import { createCatalog } from "./catalog";
import { type RunningSandbox, startSandbox } from "./server";

export const USERS = "/services/usermanagement/api/users";

/** The simulated providers, as the sandbox derives them from the app's registry. */
export const catalog = createCatalog(providers);
export const specOf = (provider: string) => catalog.spec(provider);
export const endpoints = (provider: string) => specOf(provider).paths;

/** The scopes the app asks for in sandbox mode. */
function appScopes(id: string): string[] {
  const provider = providers.find((p) => p.id === id)!;
  const { client, options, paths } = specOf(id);
  return provider.scopes({
    ...client,
    authorizeUrl: paths.authorize,
    tokenUrl: paths.token,
    issuer: paths.issuer,
    options,
  });
}

/** A sandbox started before the file's tests and closed after them. */
export function useSandbox(processingDelayMs = 50): { readonly url: string } {
  let running: RunningSandbox | undefined;
  beforeAll(async () => {
    running = await startSandbox({ port: 0, processingDelayMs });
  });
  afterAll(() => running?.close());
  return {
    get url() {
      return running!.url;
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

export async function leafToken(base: string, rememberMe = true): Promise<string> {
  const response = await postJson(`${base}/api/authenticate`, { ...sandboxLeafAccount, rememberMe });
  return ((await response.json()) as { id_token: string }).id_token;
}

/** Leaf calls with a bearer token. */
export function leafApi(base: string, token: string) {
  const auth = { authorization: `Bearer ${token}` };
  return {
    get: (path: string) => fetch(`${base}${path}`, { headers: auth }),
    post: (path: string, body: unknown) => postJson(`${base}${path}`, body, auth),
    delete: (path: string) => fetch(`${base}${path}`, { method: "DELETE", headers: auth }),
  };
}

export async function createUser(
  base: string,
  token: string,
  name = "Ada Grower",
  email = "ada@example.com",
): Promise<string> {
  const response = await leafApi(base, token).post(USERS, { name, email });
  return ((await response.json()) as { id: string }).id;
}

export const callbackUri = (provider: string, port = 3000) =>
  `http://localhost:${port}/api/connect/${provider}/callback`;

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
}

export function clientAuth(provider: string): string {
  const { clientId, clientSecret } = specOf(provider).client;
  return basic(clientId, clientSecret);
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export interface ConsentOptions {
  scope?: string;
  pkce?: boolean;
  redirectUri?: string;
  state?: string;
  decision?: "allow" | "deny";
}

/** The authorize request an app would send; PKCE by default only where the provider requires it. */
export function authorizeParams(
  provider: string,
  opts: ConsentOptions = {},
): { params: URLSearchParams; verifier?: string } {
  const params = new URLSearchParams({
    response_type: "code",
    client_id: specOf(provider).client.clientId,
    redirect_uri: opts.redirectUri ?? callbackUri(provider),
    scope: opts.scope ?? appScopes(provider).join(" "),
    state: opts.state ?? randomBytes(16).toString("base64url"),
  });
  for (const [name, value] of Object.entries(specOf(provider).requiredAuthorizeParams)) params.set(name, value);
  if (!(opts.pkce ?? specOf(provider).pkce === "required")) return { params };
  const { verifier, challenge } = pkcePair();
  params.set("code_challenge", challenge);
  params.set("code_challenge_method", "S256");
  return { params, verifier };
}

/** Submits the consent form (Allow by default) and returns where the provider redirected. */
export async function consent(base: string, provider: string, opts: ConsentOptions = {}) {
  const { params, verifier } = authorizeParams(provider, opts);
  const form = new URLSearchParams(params);
  form.set("decision", opts.decision ?? "allow");
  const response = await fetch(`${base}${endpoints(provider).authorize}`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const location = new URL(response.headers.get("location")!);
  return {
    response,
    location,
    code: location.searchParams.get("code")!,
    state: params.get("state")!,
    redirectUri: params.get("redirect_uri")!,
    verifier,
  };
}

export function tokenRequest(
  base: string,
  provider: string,
  form: Record<string, string>,
  authorization: string | null = clientAuth(provider),
) {
  const headers: Record<string, string> = authorization ? { authorization } : {};
  return fetch(`${base}${endpoints(provider).token}`, { method: "POST", headers, body: new URLSearchParams(form) });
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token?: string;
  scope: string;
  id_token?: string;
}

/** Consent, then the code exchange: the tokens an app would get. */
export async function connect(base: string, provider: string, opts: ConsentOptions = {}): Promise<TokenResponse> {
  const { code, redirectUri, verifier } = await consent(base, provider, opts);
  const form: Record<string, string> = { grant_type: "authorization_code", code, redirect_uri: redirectUri };
  if (verifier) form.code_verifier = verifier;
  const response = await tokenRequest(base, provider, form);
  if (response.status !== 200) throw new Error(`token exchange failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as TokenResponse;
}

/** Waits until the Leaf credential leaves PROCESSING. */
export async function settledCredential(base: string, token: string, path: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    const credential = (await (await leafApi(base, token).get(path)).json()) as Record<string, unknown>;
    if (credential.status !== "PROCESSING") return credential;
    await sleep(20);
  }
  throw new Error("credential still PROCESSING");
}

/** The client the sandbox registered for a provider: the app's default configuration in sandbox mode. */
export const clientOf = (provider: string) => specOf(provider).client;
