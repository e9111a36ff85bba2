import { refreshingTokenResponse } from "./token-schema";
import { defineProvider } from "./types";

export const trimble = defineProvider<"applicationName">({
  id: "trimble",
  name: "Trimble",
  envPrefix: "TRIMBLE",
  // Staging lives at stage.id.trimblecloud.com: point AUTHORIZE_URL and TOKEN_URL there.
  endpoints: {
    issuer: "https://id.trimble.com",
    authorize: "https://id.trimble.com/oauth/authorize",
    token: "https://id.trimble.com/oauth/token",
  },
  options: {
    // The application's name in Trimble's developer console doubles as its scope.
    applicationName: { env: "APPLICATION_NAME" },
  },
  scopes: (s) => ["openid", s.options.applicationName],
  // Trimble's PKCE grants need a new verifier on every refresh ("serial PKCE"), and Leaf does the
  // refreshing, so Headland uses the client-secret flow.
  pkce: () => false,
  // Refresh tokens last 7 days and are single use: Leaf must be the only one to use them.
  tokenSchema: refreshingTokenResponse,
  leaf: {
    path: "trimble-credentials",
    body: { clientId: "clientId", clientSecret: "clientSecret", refreshToken: "refreshToken" },
  },
  sandbox: {
    endpoints: { issuer: "/trimble", authorize: "/trimble/oauth/authorize", token: "/trimble/oauth/token" },
    client: { clientId: "headland-trimble-sandbox", clientSecret: "sandbox-trimble-secret-4be2" },
    options: { applicationName: "headland-sandbox" },
    tokenPrefix: "trm",
    // Trimble grants exactly `openid` plus the application's name.
    scopes: { grantable: (o) => ["openid", o.applicationName], exact: true },
    pkce: "optional",
    lifetimes: { codeSeconds: 600, accessTokenSeconds: 3600, refreshTokenSeconds: 7 * 86400 },
    rotatesRefreshToken: true,
    discovery: "openid-configuration",
    // Trimble's RFC 9207 support is unverified (so the real one is not declared); the simulated one sends iss.
    issParameter: "supported",
  },
});
