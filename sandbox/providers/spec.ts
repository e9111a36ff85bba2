import type { Endpoints, Provider, SandboxOrganizations } from "@/lib/providers/types";

export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  /** Values registered with the client beyond its secret (Climate's API key), by option name. */
  secrets: Record<string, string>;
}

/** One simulated authorization server, derived from the provider's file: what it issues and what it checks. */
export interface ProviderSpec {
  id: string;
  /** As shown on the consent page: "Sign in to NAME (sandbox)". */
  name: string;
  tokenPrefix: string;
  paths: Endpoints;
  client: RegisteredClient;
  /** The option values the sandbox client is registered with (origin-dependent ones left out). */
  options: Record<string, string>;
  /** Why these scopes cannot be granted, or undefined when they can. */
  scopeError(scopes: readonly string[]): string | undefined;
  grantableScopes: readonly string[];
  /** Parameters the provider's authorize page needs beyond RFC 6749's. */
  requiredAuthorizeParams: Record<string, string>;
  pkce: "required" | "optional";
  lifetimes: { codeSeconds: number; accessTokenSeconds: number; refreshTokenSeconds: number };
  rotatesRefreshToken: boolean;
  issuesRefreshToken(scopes: readonly string[]): boolean;
  discovery?: "oauth-authorization-server" | "openid-configuration";
  organizations?: SandboxOrganizations;
  /** Whether token responses carry an OpenID id_token. */
  issuesIdToken: boolean;
  /** RFC 9207: authorization responses carry `iss`. */
  sendsIss: boolean;
}

function scopeRule(grantable: readonly string[], exact: boolean): ProviderSpec["scopeError"] {
  if (exact) {
    return (scopes) =>
      scopes.length === grantable.length && grantable.every((s) => scopes.includes(s))
        ? undefined
        : `scope must be "${grantable.join(" ")}"`;
  }
  return (scopes) => {
    const unknown = scopes.filter((scope) => !grantable.includes(scope));
    return unknown.length ? `Unknown scope: ${unknown.join(" ")}` : undefined;
  };
}

export function specFrom(provider: Provider): ProviderSpec {
  const sandbox = provider.sandbox;
  const options = Object.fromEntries(
    Object.entries(sandbox.options).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const secrets = Object.fromEntries(
    Object.entries(provider.options)
      .filter(([, spec]) => spec.secret)
      .map(([key]) => [key, options[key]!]),
  );
  const grantable = sandbox.scopes.grantable(options);
  return {
    id: provider.id,
    name: provider.name,
    tokenPrefix: sandbox.tokenPrefix,
    paths: sandbox.endpoints,
    client: { ...sandbox.client, secrets },
    options,
    grantableScopes: grantable,
    scopeError: scopeRule(grantable, sandbox.scopes.exact ?? false),
    requiredAuthorizeParams: provider.authorizeParams ?? {},
    pkce: sandbox.pkce,
    lifetimes: sandbox.lifetimes,
    rotatesRefreshToken: sandbox.rotatesRefreshToken,
    issuesRefreshToken: (scopes) => !sandbox.refreshTokenScope || scopes.includes(sandbox.refreshTokenScope),
    discovery: sandbox.discovery,
    organizations: sandbox.organizations,
    issuesIdToken: sandbox.discovery === "openid-configuration",
    sendsIss: sandbox.issParameter === "supported",
  };
}

export function registeredClient(
  spec: ProviderSpec,
  clientId: string | null | undefined,
): RegisteredClient | undefined {
  return spec.client.clientId === clientId ? spec.client : undefined;
}
