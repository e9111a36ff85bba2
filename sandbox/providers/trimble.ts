import { sandboxClients } from "../accounts";
import type { Sandbox } from "../context";
import { json } from "../http";
import { signRs256 } from "../jwt";
import type { Route } from "../router";
import type { TokenSet } from "./grants";
import type { ProviderSpec } from "./spec";

const { applicationName } = sandboxClients.trimble;
const issuer = (sandbox: Sandbox) => `${sandbox.url}/trimble`;

function idToken(sandbox: Sandbox, tokens: TokenSet): string {
  const iat = Math.floor(sandbox.state.clock.now() / 1000);
  const claims = { iss: issuer(sandbox), aud: tokens.grant.clientId, sub: tokens.grant.subject, iat, exp: iat + 3600, ...(tokens.nonce ? { nonce: tokens.nonce } : {}) };
  const { privateKey, kid } = sandbox.keys.trimble;
  const token = signRs256(claims, privateKey, kid);
  sandbox.state.issued.add(token);
  return token;
}

export const trimble: ProviderSpec = {
  id: "trimble",
  name: "Trimble",
  tokenPrefix: "trm",
  paths: { authorize: "/trimble/oauth/authorize", token: "/trimble/oauth/token" },
  // Trimble grants exactly `openid` plus the application's name from its developer console.
  scopeError: (scopes) =>
    scopes.length === 2 && scopes.includes("openid") && scopes.includes(applicationName) ? undefined : `scope must be "openid ${applicationName}"`,
  // PKCE grants would need "serial PKCE" on every refresh, which Leaf cannot do; the client uses its secret.
  pkce: "optional",
  lifetimes: { codeSeconds: 600, accessTokenSeconds: 3600, refreshTokenSeconds: 7 * 86400 },
  rotatesRefreshToken: true,
  issuesRefreshToken: () => true,
  extraTokenFields: (sandbox, tokens) => ({ id_token: idToken(sandbox, tokens) }),
};

const discovery: Route = {
  method: "GET",
  pattern: "/trimble/.well-known/openid-configuration",
  name: "trimble.discovery",
  target: "trimble",
  handle: (_req, sandbox) =>
    json(200, {
      issuer: issuer(sandbox),
      authorization_endpoint: `${sandbox.url}${trimble.paths.authorize}`,
      token_endpoint: `${sandbox.url}${trimble.paths.token}`,
      jwks_uri: `${sandbox.url}/trimble/.well-known/jwks.json`,
      scopes_supported: ["openid", applicationName],
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS256"],
      token_endpoint_auth_methods_supported: ["client_secret_basic"],
    }),
};

const jwks: Route = {
  method: "GET",
  pattern: "/trimble/.well-known/jwks.json",
  name: "trimble.jwks",
  target: "trimble",
  handle: (_req, sandbox) => json(200, { keys: [sandbox.keys.trimble.publicJwk] }),
};

export const trimbleRoutes: Route[] = [discovery, jwks];
