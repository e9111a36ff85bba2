import type { Sandbox } from "../context";
import { json } from "../http";
import { signRs256 } from "../jwt";
import type { Route } from "../router";
import type { TokenSet } from "./grants";
import type { ProviderSpec } from "./spec";

export const issuer = (sandbox: Sandbox, spec: ProviderSpec) => `${sandbox.url}${spec.paths.issuer}`;

/** An OpenID provider's id_token (Trimble's), signed with the sandbox's key. */
export function idToken(sandbox: Sandbox, spec: ProviderSpec, tokens: TokenSet): string {
  const iat = Math.floor(sandbox.state.clock.now() / 1000);
  const claims = {
    iss: issuer(sandbox, spec),
    aud: tokens.grant.clientId,
    sub: tokens.grant.subject,
    iat,
    exp: iat + 3600,
    ...(tokens.nonce ? { nonce: tokens.nonce } : {}),
  };
  const { privateKey, kid } = sandbox.keys.idToken;
  const token = signRs256(claims, privateKey, kid);
  sandbox.state.issued.add(token);
  return token;
}

// RFC 8414 metadata (Okta publishes it for Deere) or OpenID discovery (Trimble), under the issuer.
export function discoveryRoutes(spec: ProviderSpec): Route[] {
  if (!spec.discovery) return [];
  const openid = spec.discovery === "openid-configuration";
  const metadata: Route = {
    method: "GET",
    pattern: `${spec.paths.issuer}/.well-known/${spec.discovery}`,
    name: `${spec.id}.discovery`,
    target: spec.id,
    handle: (_req, sandbox) =>
      json(200, {
        issuer: issuer(sandbox, spec),
        authorization_endpoint: `${sandbox.url}${spec.paths.authorize}`,
        token_endpoint: `${sandbox.url}${spec.paths.token}`,
        scopes_supported: spec.grantableScopes,
        response_types_supported: ["code"],
        grant_types_supported: ["authorization_code", "refresh_token"],
        token_endpoint_auth_methods_supported: ["client_secret_basic"],
        ...(spec.pkce === "required" ? { code_challenge_methods_supported: ["S256"] } : {}),
        ...(spec.sendsIss ? { authorization_response_iss_parameter_supported: true } : {}),
        ...(openid
          ? {
              jwks_uri: `${issuer(sandbox, spec)}/.well-known/jwks.json`,
              subject_types_supported: ["public"],
              id_token_signing_alg_values_supported: ["RS256"],
            }
          : {}),
      }),
  };
  if (!openid) return [metadata];
  const jwks: Route = {
    method: "GET",
    pattern: `${spec.paths.issuer}/.well-known/jwks.json`,
    name: `${spec.id}.jwks`,
    target: spec.id,
    handle: (_req, sandbox) => json(200, { keys: [sandbox.keys.idToken.publicJwk] }),
  };
  return [metadata, jwks];
}
