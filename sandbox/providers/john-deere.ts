import { json } from "../http";
import type { Route } from "../router";
import type { ProviderSpec } from "./spec";
import { subsetOf } from "./spec";

const scopes = ["ag1", "ag2", "ag3", "eq1", "eq2", "org1", "org2", "files", "offline_access"];

export const johnDeere: ProviderSpec = {
  id: "john-deere",
  name: "John Deere",
  tokenPrefix: "jd",
  paths: { authorize: "/deere/oauth2/v1/authorize", token: "/deere/oauth2/v1/token" },
  scopeError: subsetOf(scopes),
  // Deere's authorization server is Okta, which enforces PKCE for this client.
  pkce: "required",
  // Refresh tokens do not rotate; Deere expires them after a year unused.
  lifetimes: { codeSeconds: 600, accessTokenSeconds: 12 * 3600, refreshTokenSeconds: 365 * 86400 },
  rotatesRefreshToken: false,
  issuesRefreshToken: (granted) => granted.includes("offline_access"),
  organizationNames: ["Prairie Wind Farms", "Cedar Creek Ag"],
};

// RFC 8414 metadata, as Okta publishes it under the authorization server's issuer.
const discovery: Route = {
  method: "GET",
  pattern: "/deere/oauth2/.well-known/oauth-authorization-server",
  name: "john-deere.discovery",
  target: "john-deere",
  handle: (_req, { url }) =>
    json(200, {
      issuer: `${url}/deere/oauth2`,
      authorization_endpoint: `${url}${johnDeere.paths.authorize}`,
      token_endpoint: `${url}${johnDeere.paths.token}`,
      scopes_supported: scopes,
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      token_endpoint_auth_methods_supported: ["client_secret_basic"],
      code_challenge_methods_supported: ["S256"],
    }),
};

export const johnDeereRoutes: Route[] = [discovery];
