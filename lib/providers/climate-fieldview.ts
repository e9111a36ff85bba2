import type { Provider } from "./types";
import { refreshingTokenResponse } from "./token-schema";
import { option } from "./option";
import { sandboxClients } from "@/sandbox/accounts";

const readScopes = ["asHarvested:read", "asPlanted:read", "asApplied:read", "fields:read", "resourceOwners:read", "farmOrganizations:read"];

export const climateFieldView = {
  id: "climate-fieldview",
  name: "Climate FieldView",
  envPrefix: "CLIMATE_FIELDVIEW",
  endpoints: {
    real: { issuer: "https://api.climate.com", authorize: "https://climate.com/static/app-login/index.html", token: "https://api.climate.com/api/oauth/token" },
    sandbox: { issuer: "/climate", authorize: "/climate/static/app-login/index.html", token: "/climate/api/oauth/token" },
  },
  options: {
    // Leaf needs the x-api-key of Climate's data API in the credentials body, not for the token call.
    API_KEY: { sandbox: sandboxClients["climate-fieldview"].apiKey },
    // Write scopes (fields:write rx:write soil:write imagery:write) need Climate's approval first.
    EXTRA_SCOPES: { default: "", sandbox: "" },
  },
  scopes: (s) => [...readScopes, ...option(s, "EXTRA_SCOPES").split(/\s+/).filter(Boolean)],
  scopeSeparator: " ",
  // Climate's PKCE support is unverified; the client secret authenticates the exchange.
  pkce: () => false,
  clientAuth: "basic",
  authorizeParams: { page: "oidcauthn" },
  // Refresh tokens rotate on use, so only Leaf may use one once it has it.
  tokenSchema: refreshingTokenResponse,
  leaf: {
    path: "climate-field-view-credentials",
    body: (tokens, s) => ({ clientId: s.clientId, clientSecret: s.clientSecret, apiKey: option(s, "API_KEY"), refreshToken: tokens.refreshToken }),
  },
} satisfies Provider;
