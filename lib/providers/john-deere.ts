import { z } from "zod";
import { refreshingTokenResponse } from "./token-schema";
import { defineProvider, type ProviderSettings, type TokenSet } from "./types";

const issuer = "https://signin.johndeere.com/oauth2/aus78tnlaysMraFhC1t7";
const scopes = ["ag1", "ag2", "ag3", "eq1", "eq2", "org1", "org2", "files", "offline_access"];

type Options = "environment" | "apiUrl" | "pkce";

// Deere's API lists organizations; one carrying a "connections" link still needs the grower to pick
// which organizations Headland may see, on Deere's own page.
const organizations = z.object({
  values: z.array(z.object({ links: z.array(z.object({ rel: z.string(), uri: z.url() })).default([]) })).default([]),
});

function apiUrl(s: ProviderSettings<Options>): string {
  // PRODUCTION's host needs Deere's approval and is unverified: API_URL overrides it.
  const byEnvironment =
    s.options.environment === "PRODUCTION"
      ? "https://partnerapi.deere.com/platform"
      : "https://sandboxapi.deere.com/platform";
  return s.options.apiUrl || byEnvironment;
}

async function selectOrganizations(
  tokens: TokenSet,
  s: ProviderSettings<Options>,
  returnTo: string,
): Promise<string | undefined> {
  // The request carries the grower's access token: a redirect is an answer, never followed.
  const response = await fetch(`${apiUrl(s)}/organizations`, {
    headers: { authorization: `Bearer ${tokens.accessToken}`, accept: "application/vnd.deere.axiom.v3+json" },
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`Deere organizations answered ${response.status}`);
  const links = organizations.parse(await response.json()).values.flatMap((org) => org.links);
  const connections = links.find((link) => link.rel === "connections" && onDeere(link.uri, s));
  if (!connections) return undefined;
  const target = new URL(connections.uri);
  target.searchParams.set("redirect_uri", returnTo);
  return target.toString();
}

/**
 * The grower's browser follows this link, so only Deere's own pages qualify: https on deere.com, or the
 * configured API's own origin (the sandbox, in sandbox mode). Anything else leaves them on Headland.
 */
function onDeere(uri: string, s: ProviderSettings<Options>): boolean {
  const url = new URL(uri);
  const deereHost = url.hostname === "deere.com" || url.hostname.endsWith(".deere.com");
  return (
    (url.protocol === "https:" && deereHost && !url.username && !url.password) ||
    url.origin === new URL(apiUrl(s)).origin
  );
}

export const johnDeere = defineProvider<Options>({
  id: "john-deere",
  name: "John Deere",
  envPrefix: "JOHN_DEERE",
  endpoints: { issuer, authorize: `${issuer}/v1/authorize`, token: `${issuer}/v1/token` },
  options: {
    environment: { env: "ENVIRONMENT", default: "STAGE", values: ["STAGE", "PRODUCTION"] },
    apiUrl: { env: "API_URL", default: "", endpoint: true },
    // Okta supports S256; Deere's own support is unverified, so a deployment can switch it off.
    pkce: { env: "PKCE", default: "on", values: ["on", "off"] },
  },
  // Without offline_access Deere issues no refresh token (and the token schema then refuses the answer).
  scopes: () => scopes,
  pkce: (s) => s.options.pkce === "on",
  tokenSchema: refreshingTokenResponse,
  leaf: {
    path: "john-deere-credentials",
    // Leaf's seed shows accessToken; its Postman example leaves it out: both are accepted.
    body: {
      clientKey: "clientId",
      clientSecret: "clientSecret",
      accessToken: { from: "accessToken", optional: true },
      refreshToken: "refreshToken",
      clientEnvironment: { option: "environment" },
    },
    statusPath: "john-deere-credentials/status",
    organizations: "JohnDeere",
  },
  afterConsent: selectOrganizations,
  sandbox: {
    endpoints: { issuer: "/deere/oauth2", authorize: "/deere/oauth2/v1/authorize", token: "/deere/oauth2/v1/token" },
    client: { clientId: "headland-deere-sandbox", clientSecret: "sandbox-deere-secret-a93f" },
    options: { environment: "STAGE", apiUrl: (sandboxUrl) => `${sandboxUrl}/deere/platform`, pkce: "on" },
    tokenPrefix: "jd",
    scopes: { grantable: () => scopes },
    // Deere's authorization server is Okta, which enforces PKCE for this client.
    pkce: "required",
    // Refresh tokens do not rotate; Deere expires them after a year unused.
    lifetimes: { codeSeconds: 600, accessTokenSeconds: 12 * 3600, refreshTokenSeconds: 365 * 86400 },
    rotatesRefreshToken: false,
    refreshTokenScope: "offline_access",
    discovery: "oauth-authorization-server",
    organizations: {
      names: ["Prairie Wind Farms", "Cedar Creek Ag"],
      apiPath: "/deere/platform/organizations",
      selectPath: "/deere/connections/{clientId}/select-organizations",
    },
  },
});
