import { sandboxClients, type SandboxProviderId } from "../accounts";
import type { Sandbox } from "../context";
import type { TokenSet } from "./grants";

export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  apiKey?: string;
  applicationName?: string;
}

/** What differs between the simulated authorization servers; everything else is shared code. */
export interface ProviderSpec {
  id: SandboxProviderId;
  /** As shown on the consent page: "Sign in to NAME (sandbox)". */
  name: string;
  /** Start of every code and token this provider issues, e.g. `cfv` gives `cfv_code_`, `cfv_at_`, `cfv_rt_`. */
  tokenPrefix: string;
  paths: { authorize: string; token: string };
  /** Why these scopes cannot be granted, or undefined when they can. */
  scopeError(scopes: readonly string[]): string | undefined;
  /** Parameters the provider's authorize page needs beyond RFC 6749's. */
  requiredAuthorizeParams?: Record<string, string>;
  /** "required": S256 or the request is refused; "optional": honored when sent. */
  pkce: "required" | "optional";
  lifetimes: { codeSeconds: number; accessTokenSeconds: number; refreshTokenSeconds: number };
  /** A used refresh token is replaced by a new one (and the old one dies). */
  rotatesRefreshToken: boolean;
  issuesRefreshToken(scopes: readonly string[]): boolean;
  /** Organizations each new grant can share (Deere asks the grower to pick among them). */
  organizationNames?: readonly string[];
  /** Fields beyond RFC 6749 §5.1 in a token response (Trimble's id_token). */
  extraTokenFields?(sandbox: Sandbox, tokens: TokenSet): Record<string, string>;
}

export function registeredClient(spec: ProviderSpec, clientId: string | null | undefined): RegisteredClient | undefined {
  const client: RegisteredClient = sandboxClients[spec.id];
  return client.clientId === clientId ? client : undefined;
}

/** A scopeError for providers that grant any subset of a fixed list. */
export function subsetOf(allowed: readonly string[]): ProviderSpec["scopeError"] {
  return (scopes) => {
    const unknown = scopes.filter((scope) => !allowed.includes(scope));
    return unknown.length ? `Unknown scope: ${unknown.join(" ")}` : undefined;
  };
}
