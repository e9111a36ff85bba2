import * as oauth from "oauth4webapi";
import { isLoopbackUrl } from "@/lib/http/loopback";
import type { Provider, ProviderSettings } from "@/lib/providers/types";
import { boundedFetch } from "./bounded-fetch";

/** oauth4webapi's view of a provider: the authorization server, our client, and how we authenticate. */
export function oauthClientFor(settings: ProviderSettings) {
  const as: oauth.AuthorizationServer = {
    issuer: settings.issuer,
    authorization_endpoint: settings.authorizeUrl,
    token_endpoint: settings.tokenUrl,
    // RFC 9207: when the provider sends iss, a callback without it may come from another authorization server.
    authorization_response_iss_parameter_supported: settings.issParameter ?? false,
  };
  const client: oauth.Client = { client_id: settings.clientId };
  // All three providers take the client secret by HTTP Basic (RFC 6749 §2.3.1), and the sandbox refuses it in the body.
  const clientAuth = oauth.ClientSecretBasic(settings.clientSecret);
  // oauth4webapi insists on https; plain http is allowed only to this machine (a local simulator).
  const requestOptions = {
    [oauth.allowInsecureRequests]: isLoopbackUrl(settings.tokenUrl),
    [oauth.customFetch]: boundedFetch,
  };
  return { as, client, clientAuth, requestOptions };
}

export function redirectUriFor(appUrl: string, provider: Provider): string {
  return `${appUrl}/api/connect/${provider.id}/callback`;
}

export function authorizeUrl(
  provider: Provider,
  settings: ProviderSettings,
  params: { redirectUri: string; state: string; codeChallenge?: string },
): string {
  const url = new URL(settings.authorizeUrl);
  const query: Record<string, string> = {
    response_type: "code",
    client_id: settings.clientId,
    redirect_uri: params.redirectUri,
    scope: provider.scopes(settings).join(" "),
    state: params.state,
    ...provider.authorizeParams,
  };
  if (params.codeChallenge)
    Object.assign(query, { code_challenge: params.codeChallenge, code_challenge_method: "S256" });
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}
