import type { Sandbox } from "../context";
import { type Incoming, json, mediaType, type Reply, repeatedNames } from "../http";
import { authenticateClient } from "./client-auth";
import { idToken } from "./discovery";
import type { OAuthError, TokenSet } from "./grants";
import type { ProviderSpec } from "./spec";

const noStore = { "cache-control": "no-store", pragma: "no-cache" };

function oauthError(error: { error: string; description: string }): Reply {
  return json(400, { error: error.error, error_description: error.description }, noStore);
}

function tokenResponse(spec: ProviderSpec, sandbox: Sandbox, tokens: TokenSet): Reply {
  return json(
    200,
    {
      access_token: tokens.accessToken,
      token_type: "Bearer",
      expires_in: tokens.expiresIn,
      ...(tokens.refreshToken ? { refresh_token: tokens.refreshToken } : {}),
      scope: tokens.scopes.join(" "),
      ...(spec.issuesIdToken ? { id_token: idToken(sandbox, spec, tokens) } : {}),
    },
    noStore,
  );
}

function grantTokens(
  spec: ProviderSpec,
  sandbox: Sandbox,
  clientId: string,
  form: URLSearchParams,
): TokenSet | OAuthError {
  const providers = sandbox.state.providers;
  const missing = (name: string): OAuthError => ({ error: "invalid_request", description: `${name} is required` });
  if (form.get("grant_type") === "authorization_code") {
    const code = form.get("code");
    const redirectUri = form.get("redirect_uri");
    if (!code) return missing("code");
    if (!redirectUri) return missing("redirect_uri");
    return providers.redeemCode(spec, clientId, { code, redirectUri, verifier: form.get("code_verifier") });
  }
  const refreshToken = form.get("refresh_token");
  if (!refreshToken) return missing("refresh_token");
  return providers.refresh(spec, clientId, refreshToken, form.get("scope"));
}

// POST: RFC 6749 §3.2 — a form body, the client authenticated by HTTP Basic, errors per §5.2.
export async function tokenEndpoint(spec: ProviderSpec, req: Incoming, sandbox: Sandbox): Promise<Reply> {
  if (mediaType(req.headers) !== "application/x-www-form-urlencoded") {
    return oauthError({ error: "invalid_request", description: "The body must be application/x-www-form-urlencoded" });
  }
  const form = new URLSearchParams(await req.text());
  const client = authenticateClient(spec, req.headers, form);
  if ("status" in client) return client;
  const repeated = repeatedNames(form);
  if (repeated.length)
    return oauthError({ error: "invalid_request", description: `Repeated parameter: ${repeated.join(", ")}` });
  const grantType = form.get("grant_type");
  if (!grantType) return oauthError({ error: "invalid_request", description: "grant_type is required" });
  if (grantType !== "authorization_code" && grantType !== "refresh_token") {
    return oauthError({ error: "unsupported_grant_type", description: `grant_type ${grantType} is not supported` });
  }
  const tokens = grantTokens(spec, sandbox, client.clientId, form);
  return "error" in tokens ? oauthError(tokens) : tokenResponse(spec, sandbox, tokens);
}
