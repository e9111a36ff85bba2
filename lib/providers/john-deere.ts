import { z } from "zod";
import type { AfterConsent, Provider, ProviderSettings } from "./types";
import { refreshingTokenResponse } from "./token-schema";
import { option } from "./option";

const issuer = "https://signin.johndeere.com/oauth2/aus78tnlaysMraFhC1t7";

// Deere's API lists organizations; one carrying a "connections" link still needs the grower to pick
// which organizations Headland may see, on Deere's own page.
const organizations = z.object({
  values: z.array(z.object({ links: z.array(z.object({ rel: z.string(), uri: z.url() })).default([]) })).default([]),
});

function apiUrl(s: ProviderSettings): string {
  // PRODUCTION's host needs Deere's approval and is unverified: API_URL overrides it.
  const byEnvironment = option(s, "ENVIRONMENT") === "PRODUCTION" ? "https://partnerapi.deere.com/platform" : "https://sandboxapi.deere.com/platform";
  return option(s, "API_URL") || byEnvironment;
}

const selectOrganizations: AfterConsent = async (tokens, s, returnTo) => {
  const response = await fetch(`${apiUrl(s)}/organizations`, {
    headers: { authorization: `Bearer ${tokens.accessToken}`, accept: "application/vnd.deere.axiom.v3+json" },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`Deere organizations answered ${response.status}`);
  const links = organizations.parse(await response.json()).values.flatMap((org) => org.links);
  const connections = links.find((link) => link.rel === "connections");
  if (!connections) return undefined;
  const target = new URL(connections.uri);
  target.searchParams.set("redirect_uri", returnTo);
  return target.toString();
};

export const johnDeere = {
  id: "john-deere",
  name: "John Deere",
  envPrefix: "JOHN_DEERE",
  endpoints: {
    real: { issuer, authorize: `${issuer}/v1/authorize`, token: `${issuer}/v1/token` },
    sandbox: { issuer: "/deere/oauth2", authorize: "/deere/oauth2/v1/authorize", token: "/deere/oauth2/v1/token" },
  },
  options: {
    ENVIRONMENT: { default: "STAGE", sandbox: "STAGE", values: ["STAGE", "PRODUCTION"] },
    API_URL: { default: "", sandbox: (sandboxUrl) => `${sandboxUrl}/deere/platform` },
    // Okta supports S256; Deere's own support is unverified, so a deployment can switch it off.
    PKCE: { default: "on", sandbox: "on", values: ["on", "off"] },
  },
  // Without offline_access Deere issues no refresh token (and the token schema then refuses the answer).
  scopes: () => ["ag1", "ag2", "ag3", "eq1", "eq2", "org1", "org2", "files", "offline_access"],
  scopeSeparator: " ",
  pkce: (s) => option(s, "PKCE") === "on",
  clientAuth: "basic",
  tokenSchema: refreshingTokenResponse,
  leaf: {
    path: "john-deere-credentials",
    statusPath: "john-deere-credentials/status",
    body: (tokens, s) => ({
      clientKey: s.clientId,
      clientSecret: s.clientSecret,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      clientEnvironment: option(s, "ENVIRONMENT"),
    }),
  },
  afterConsent: selectOrganizations,
} satisfies Provider;
