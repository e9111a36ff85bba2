import type { z } from "zod";

/** A token set as the provider's token endpoint returned it, parsed and camelCased. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  expiresIn?: number;
  scope?: string;
}

/** A provider variable beyond the client's own, read from PREFIX_{env}. */
export interface OptionSpec {
  env: string;
  /** Used when the variable is unset and the provider is real. No default means required. */
  default?: string;
  values?: readonly string[];
  /** Registered with the client at the provider (Climate's API key): a secret the sandbox checks. */
  secret?: boolean;
  /** An API Headland sends tokens to (Deere's): must be https, plain http only to this machine. */
  endpoint?: boolean;
}

/** A provider's settings, resolved from its environment variables (or its sandbox defaults). */
export interface ProviderSettings<K extends string = string> {
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
  issuer: string;
  /** RFC 9207: the provider puts `iss` on every authorization response, so a callback without it is refused. */
  issParameter?: boolean;
  options: Record<K, string>;
}

export interface Endpoints {
  issuer: string;
  authorize: string;
  token: string;
}

/** Where a value in Leaf's credentials body comes from. */
export type LeafSource<K extends string = string> =
  | "clientId"
  | "clientSecret"
  | "accessToken"
  | "refreshToken"
  | { option: K };

/**
 * How the provider behaves, as the sandbox simulates it, and the client registered there, which is the
 * app's default configuration in sandbox mode. Endpoints are paths on the sandbox's origin.
 */
export interface SandboxSpec<K extends string = string> {
  endpoints: Endpoints;
  client: { clientId: string; clientSecret: string };
  /** Option values in sandbox mode; a function gets the sandbox's origin. */
  options: Record<K, string | ((sandboxUrl: string) => string)>;
  /** Start of every code and token it issues, e.g. `cfv` gives `cfv_code_`, `cfv_at_`, `cfv_rt_`. */
  tokenPrefix: string;
  /** What may be asked for; `exact` means the request must ask for exactly these. */
  scopes: { grantable(options: Record<K, string>): readonly string[]; exact?: boolean };
  /** "required": S256 or the request is refused; "optional": honored when sent. */
  pkce: "required" | "optional";
  lifetimes: { codeSeconds: number; accessTokenSeconds: number; refreshTokenSeconds: number };
  /** A used refresh token is replaced by a new one (and the old one dies). */
  rotatesRefreshToken: boolean;
  /** A scope without which no refresh token is issued (Deere's offline_access). */
  refreshTokenScope?: string;
  /** RFC 8414 or OpenID discovery metadata under the issuer; "openid-configuration" also signs id_tokens. */
  discovery?: "oauth-authorization-server" | "openid-configuration";
  /** Organizations each new grant can share; the grower picks among them on the provider's page. */
  organizations?: SandboxOrganizations;
  /** RFC 9207: the simulated server adds `iss` to its authorization responses and says so in its metadata. */
  issParameter?: "supported";
}

/** The simulated organization step: Deere's API and select page, or Trimble Ag's page alone. */
export interface SandboxOrganizations {
  names: readonly string[];
  /** The provider's API listing organizations with a `connections` link (Deere's); none for Trimble. */
  apiPath?: string;
  /** The page where the grower picks; `{clientId}` in it names the client, else `query.clientId` does. */
  selectPath: string;
  /** Query parameter names for the client and the way back; `redirect_uri` is the default way back. */
  query?: { clientId: string; returnTo: string };
}

export interface Provider<K extends string = string> {
  /** Contract: used in URLs, the database and the UI's accessible names. */
  id: string;
  name: string;
  /** Environment variable prefix: PREFIX_CLIENT_ID, PREFIX_CLIENT_SECRET, PREFIX_AUTHORIZE_URL, PREFIX_TOKEN_URL. */
  envPrefix: string;
  endpoints: Endpoints;
  options: Record<K, OptionSpec>;
  /** Sent space-separated (RFC 6749 §3.3). */
  scopes(settings: ProviderSettings<K>): string[];
  /** RFC 7636 S256; settings let a deployment switch it where the provider's support is unverified. */
  pkce(settings: ProviderSettings<K>): boolean;
  authorizeParams?: Record<string, string>;
  /**
   * RFC 9207: the real provider is known to send `iss` on its authorization responses. PREFIX_ISS_PARAMETER
   * (supported or unsupported) overrides it, since no provider here documents it either way.
   */
  issParameter?: "supported";
  /** The token response, after oauth4webapi's checks; must demand a refresh token. */
  tokenSchema: z.ZodType<TokenSet>;
  leaf: {
    /** Path segment under /users/{leafUserId}/, e.g. "trimble-credentials". */
    path: string;
    /** Leaf's documented body, field by field; `optional` fields may be left out. */
    body: Record<string, LeafSource<K> | { from: LeafSource<K>; optional: true }>;
    /** Deere's extra status endpoint; others read the credential's own status. */
    statusPath?: string;
    /** Leaf's name for the provider in `/users/{id}/organizations/{name}`. */
    organizations?: string;
  };
  /**
   * The provider lets a refresh token lapse when nobody uses it for this long (Climate's: 30 days), so a
   * grower must reconnect before then; none means it does not lapse unused, as far as is known.
   */
  refreshTokenLapsesAfterDays?: number;
  /** Where a grower goes after consent, when the provider needs one more step (Deere's organizations). */
  afterConsent?(tokens: TokenSet, settings: ProviderSettings<K>, returnTo: string): Promise<string | undefined>;
  sandbox: SandboxSpec<K>;
}

/** Keeps a provider file's option names typed: `settings.options.apiKey`, checked when it compiles. */
export function defineProvider<K extends string = never>(provider: Provider<K>): Provider<K> {
  return provider;
}
