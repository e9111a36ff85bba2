import type { Provider } from "./types";
import { refreshingTokenResponse } from "./token-schema";
import { option } from "./option";
import { sandboxClients } from "@/sandbox/accounts";

export const trimble = {
  id: "trimble",
  name: "Trimble",
  envPrefix: "TRIMBLE",
  endpoints: {
    // Staging lives at stage.id.trimblecloud.com: point AUTHORIZE_URL and TOKEN_URL there.
    real: { issuer: "https://id.trimble.com", authorize: "https://id.trimble.com/oauth/authorize", token: "https://id.trimble.com/oauth/token" },
    sandbox: { issuer: "/trimble", authorize: "/trimble/oauth/authorize", token: "/trimble/oauth/token" },
  },
  options: {
    // The application's name in Trimble's developer console doubles as its scope.
    APPLICATION_NAME: { sandbox: sandboxClients.trimble.applicationName },
  },
  scopes: (s) => ["openid", option(s, "APPLICATION_NAME")],
  scopeSeparator: " ",
  // Trimble's PKCE grants need a new verifier on every refresh ("serial PKCE"), and Leaf does the
  // refreshing, so Headland uses the client-secret flow.
  pkce: () => false,
  clientAuth: "basic",
  // Refresh tokens last 7 days and are single use: Leaf must be the only one to use them.
  tokenSchema: refreshingTokenResponse,
  leaf: {
    path: "trimble-credentials",
    body: (tokens, s) => ({ clientId: s.clientId, clientSecret: s.clientSecret, refreshToken: tokens.refreshToken }),
  },
} satisfies Provider;
