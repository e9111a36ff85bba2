// The app exchanges codes with oauth4webapi: its checks (id_token claims, token_type, JSON shape) must pass here.
import * as oauth from "oauth4webapi";
import { describe, expect, it } from "vitest";
import { catalog, clientOf, consent, endpoints, specOf, useSandbox } from "./testing";

const sandbox = useSandbox();

describe.each(catalog.specs.map((spec) => spec.id))("%s with oauth4webapi", (provider) => {
  it("exchanges a code and passes the library's response checks", async () => {
    const as: oauth.AuthorizationServer = {
      issuer: `${sandbox.url}${endpoints(provider).issuer}`,
      authorization_endpoint: `${sandbox.url}${endpoints(provider).authorize}`,
      token_endpoint: `${sandbox.url}${endpoints(provider).token}`,
    };
    const { clientId, clientSecret } = clientOf(provider);
    const client: oauth.Client = { client_id: clientId };
    const { location, state, redirectUri, verifier } = await consent(sandbox.url, provider);
    const params = oauth.validateAuthResponse(as, client, location.searchParams, state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.ClientSecretBasic(clientSecret),
      params,
      redirectUri,
      verifier ?? oauth.nopkce,
      {
        [oauth.allowInsecureRequests]: true,
      },
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    expect(tokens.refresh_token).toBeTruthy();
    if (specOf(provider).issuesIdToken) expect(oauth.getValidatedIdTokenClaims(tokens)?.aud).toBe(clientId);
  });
});
