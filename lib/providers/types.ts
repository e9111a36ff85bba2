import type { z } from "zod";

/** A token set as the provider's token endpoint returned it, parsed and camelCased. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  expiresIn?: number;
  scope?: string;
}

/** A provider's settings, resolved from its environment variables (or the sandbox's accounts). */
export interface ProviderSettings {
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
  issuer: string;
  /** Provider-specific variables, keyed by their name after the prefix (e.g. API_KEY). */
  options: Record<string, string>;
}

interface Endpoints {
  issuer: string;
  authorize: string;
  token: string;
}

export interface ProviderOption {
  /** Used when the variable is unset and the provider is real. No default means required. */
  default?: string;
  /** Used when the provider runs against the sandbox; a function gets the sandbox's origin. */
  sandbox: string | ((sandboxUrl: string) => string);
  values?: readonly string[];
}

/** Where a grower goes after consent, when the provider needs one more step (Deere's organizations). */
export type AfterConsent = (tokens: TokenSet, settings: ProviderSettings, returnTo: string) => Promise<string | undefined>;

export interface Provider {
  /** Contract: used in URLs, the database and the UI's accessible names. */
  id: string;
  name: string;
  /** Environment variable prefix: PREFIX_CLIENT_ID, PREFIX_CLIENT_SECRET, PREFIX_AUTHORIZE_URL, PREFIX_TOKEN_URL. */
  envPrefix: string;
  endpoints: {
    real: Endpoints;
    /** Paths on the sandbox origin. */
    sandbox: Endpoints;
  };
  options: Record<string, ProviderOption>;
  scopes(settings: ProviderSettings): string[];
  scopeSeparator: " " | ",";
  /** RFC 7636 S256; settings let a deployment switch it where the provider's support is unverified. */
  pkce(settings: ProviderSettings): boolean;
  /** Where the client secret goes at the token endpoint. */
  clientAuth: "basic" | "body";
  authorizeParams?: Record<string, string>;
  /** The token response, after oauth4webapi's checks; must demand a refresh token. */
  tokenSchema: z.ZodType<TokenSet>;
  leaf: {
    /** Path segment under /users/{leafUserId}/, e.g. "trimble-credentials". */
    path: string;
    body(tokens: TokenSet, settings: ProviderSettings): Record<string, string>;
    /** Deere's extra status endpoint; others read the credential's own status. */
    statusPath?: string;
  };
  afterConsent?: AfterConsent;
}
