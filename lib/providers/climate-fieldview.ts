import { refreshingTokenResponse } from "./token-schema";
import { defineProvider } from "./types";

const readScopes = [
  "asHarvested:read",
  "asPlanted:read",
  "asApplied:read",
  "fields:read",
  "resourceOwners:read",
  "farmOrganizations:read",
];
const writeScopes = ["fields:write", "rx:write", "soil:write", "imagery:write"];

export const climateFieldView = defineProvider<"apiKey" | "extraScopes">({
  id: "climate-fieldview",
  name: "Climate FieldView",
  envPrefix: "CLIMATE_FIELDVIEW",
  endpoints: {
    issuer: "https://api.climate.com",
    authorize: "https://climate.com/static/app-login/index.html",
    token: "https://api.climate.com/api/oauth/token",
  },
  options: {
    // Leaf needs the x-api-key of Climate's data API in the credentials body, not for the token call.
    apiKey: { env: "API_KEY", secret: true },
    // Write scopes (fields:write rx:write soil:write imagery:write) need Climate's approval first.
    extraScopes: { env: "EXTRA_SCOPES", default: "" },
  },
  scopes: (s) => [...readScopes, ...s.options.extraScopes.split(/\s+/).filter(Boolean)],
  // Climate's PKCE support is unverified; the client secret authenticates the exchange.
  pkce: () => false,
  // Climate's login page is a single-page app that shows the OAuth flow only with this parameter.
  authorizeParams: { page: "oidcauthn" },
  // Refresh tokens rotate on use, so only Leaf may use one once it has it.
  tokenSchema: refreshingTokenResponse,
  // A refresh token left unused for 30 days lapses: the grower must reconnect before then.
  refreshTokenLapsesAfterDays: 30,
  leaf: {
    path: "climate-field-view-credentials",
    body: {
      clientId: "clientId",
      clientSecret: "clientSecret",
      apiKey: { option: "apiKey" },
      refreshToken: "refreshToken",
    },
  },
  sandbox: {
    endpoints: {
      issuer: "/climate",
      authorize: "/climate/static/app-login/index.html",
      token: "/climate/api/oauth/token",
    },
    client: { clientId: "headland-climate-sandbox", clientSecret: "sandbox-climate-secret-7c1e" },
    options: { apiKey: "sandbox-climate-api-key-52d0", extraScopes: "" },
    tokenPrefix: "cfv",
    // The sandbox client is approved for the write scopes too.
    scopes: { grantable: () => [...readScopes, ...writeScopes] },
    pkce: "optional",
    // Codes live about a minute; refresh tokens 30 days and rotate on every use.
    lifetimes: { codeSeconds: 60, accessTokenSeconds: 4 * 3600, refreshTokenSeconds: 30 * 86400 },
    rotatesRefreshToken: true,
  },
});
