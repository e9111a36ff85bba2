// Helpers for the sandbox's own tests: a sandbox per test file, and the flows a client walks through.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { sandboxClients, sandboxLeafAccount, type SandboxProviderId } from "./accounts";
import { startSandbox, type RunningSandbox } from "./server";

export const USERS = "/services/usermanagement/api/users";

export const endpoints: Record<SandboxProviderId, { authorize: string; token: string }> = {
  "climate-fieldview": { authorize: "/climate/static/app-login/index.html", token: "/climate/api/oauth/token" },
  "john-deere": { authorize: "/deere/oauth2/v1/authorize", token: "/deere/oauth2/v1/token" },
  trimble: { authorize: "/trimble/oauth/authorize", token: "/trimble/oauth/token" },
};

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
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
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

export async function createUser(base: string, token: string, name = "Ada Grower", email = "ada@example.com"): Promise<string> {
  const response = await leafApi(base, token).post(USERS, { name, email });
  return ((await response.json()) as { id: string }).id;
}

export const callbackUri = (provider: SandboxProviderId, port = 3000) => `http://localhost:${port}/api/connect/${provider}/callback`;

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
}

export function clientAuth(provider: SandboxProviderId): string {
  const { clientId, clientSecret } = sandboxClients[provider];
  return basic(clientId, clientSecret);
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

const defaultScopes: Record<SandboxProviderId, string> = {
  "climate-fieldview": "asHarvested:read asPlanted:read fields:read",
  "john-deere": "ag1 eq1 org1 files offline_access",
  trimble: `openid ${sandboxClients.trimble.applicationName}`,
};

export interface ConsentOptions {
  scope?: string;
  pkce?: boolean;
  redirectUri?: string;
  state?: string;
  decision?: "allow" | "deny";
}

/** The authorize request an app would send; PKCE by default only where the provider requires it. */
export function authorizeParams(provider: SandboxProviderId, opts: ConsentOptions = {}): { params: URLSearchParams; verifier?: string } {
  const params = new URLSearchParams({
    response_type: "code",
    client_id: sandboxClients[provider].clientId,
    redirect_uri: opts.redirectUri ?? callbackUri(provider),
    scope: opts.scope ?? defaultScopes[provider],
    state: opts.state ?? randomBytes(16).toString("base64url"),
  });
  if (provider === "climate-fieldview") params.set("page", "oidcauthn");
  if (!(opts.pkce ?? provider === "john-deere")) return { params };
  const { verifier, challenge } = pkcePair();
  params.set("code_challenge", challenge);
  params.set("code_challenge_method", "S256");
  return { params, verifier };
}

/** Submits the consent form (Allow by default) and returns where the provider redirected. */
export async function consent(base: string, provider: SandboxProviderId, opts: ConsentOptions = {}) {
  const { params, verifier } = authorizeParams(provider, opts);
  const form = new URLSearchParams(params);
  form.set("decision", opts.decision ?? "allow");
  const response = await fetch(`${base}${endpoints[provider].authorize}`, { method: "POST", body: form, redirect: "manual" });
  const location = new URL(response.headers.get("location")!);
  return { response, location, code: location.searchParams.get("code")!, state: params.get("state")!, redirectUri: params.get("redirect_uri")!, verifier };
}

export function tokenRequest(base: string, provider: SandboxProviderId, form: Record<string, string>, authorization: string | null = clientAuth(provider)) {
  const headers: Record<string, string> = authorization ? { authorization } : {};
  return fetch(`${base}${endpoints[provider].token}`, { method: "POST", headers, body: new URLSearchParams(form) });
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
export async function connect(base: string, provider: SandboxProviderId, opts: ConsentOptions = {}): Promise<TokenResponse> {
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
