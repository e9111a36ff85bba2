import { refreshingTokenResponse } from "./token-schema";
import { defineProvider, type ProviderSettings, type TokenSet } from "./types";

type Options = "applicationName" | "organizationsUrl";

/**
 * Trimble Ag's page where the grower authorizes organizations; without it Trimble sends no data. It takes
 * the client id and the way back in its query. The grower's browser follows it, so only https on
 * trimbleag.com, or the authorization server's own origin (the sandbox, in sandbox mode), qualifies.
 */
async function authorizeOrganizations(
  _tokens: TokenSet,
  s: ProviderSettings<Options>,
  returnTo: string,
): Promise<string | undefined> {
  const target = new URL(s.options.organizationsUrl);
  const trimbleHost = target.hostname === "trimbleag.com" || target.hostname.endsWith(".trimbleag.com");
  const trusted =
    (target.protocol === "https:" && trimbleHost && !target.username && !target.password) ||
    target.origin === new URL(s.authorizeUrl).origin;
  if (!trusted) return undefined;
  target.searchParams.set("clientid", s.clientId);
  target.searchParams.set("redirectionUrl", returnTo);
  return target.toString();
}

export const trimble = defineProvider<Options>({
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
    organizationsUrl: {
      env: "ORGANIZATIONS_URL",
      default: "https://www.trimbleag.com/ThirdPartyAccess/ThirdPartyAuthorizationRedirect",
    },
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
    organizations: "Trimble",
  },
  afterConsent: authorizeOrganizations,
  sandbox: {
    endpoints: { issuer: "/trimble", authorize: "/trimble/oauth/authorize", token: "/trimble/oauth/token" },
    client: { clientId: "headland-trimble-sandbox", clientSecret: "sandbox-trimble-secret-4be2" },
    options: {
      applicationName: "headland-sandbox",
      organizationsUrl: (sandboxUrl) => `${sandboxUrl}/trimble/ThirdPartyAccess/ThirdPartyAuthorizationRedirect`,
    },
    tokenPrefix: "trm",
    // Trimble grants exactly `openid` plus the application's name.
    scopes: { grantable: (o) => ["openid", o.applicationName], exact: true },
    pkce: "optional",
    lifetimes: { codeSeconds: 600, accessTokenSeconds: 3600, refreshTokenSeconds: 7 * 86400 },
    rotatesRefreshToken: true,
    discovery: "openid-configuration",
    // Trimble's RFC 9207 support is unverified (so the real one is not declared); the simulated one sends iss.
    issParameter: "supported",
    // No organizations API: the page names the client and the way back in its own query parameters.
    organizations: {
      names: ["Bluestem Farms", "Hollow Oak Ranch"],
      selectPath: "/trimble/ThirdPartyAccess/ThirdPartyAuthorizationRedirect",
      query: { clientId: "clientid", returnTo: "redirectionUrl" },
    },
  },
});
