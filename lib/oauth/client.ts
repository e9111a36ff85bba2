import * as oauth from "oauth4webapi";
import type { Provider, ProviderSettings } from "@/lib/providers/types";

/** oauth4webapi's view of a provider: the authorization server, our client, and how we authenticate. */
export function oauthClientFor(settings: ProviderSettings) {
  const as: oauth.AuthorizationServer = {
    issuer: settings.issuer,
    authorization_endpoint: settings.authorizeUrl,
    token_endpoint: settings.tokenUrl,
  };
  const client: oauth.Client = { client_id: settings.clientId };
  // All three providers take the client secret by HTTP Basic (RFC 6749 §2.3.1), and the sandbox refuses it in the body.
  const clientAuth = oauth.ClientSecretBasic(settings.clientSecret);
  // oauth4webapi insists on https; plain http is allowed only to this machine (a local simulator).
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(new URL(settings.tokenUrl).hostname);
  return { as, client, clientAuth, requestOptions: { [oauth.allowInsecureRequests]: loopback } };
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
