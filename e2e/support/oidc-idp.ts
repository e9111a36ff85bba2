import { createServer } from "node:http";
import Provider from "oidc-provider";

export interface IdpAccount {
  email: string;
  email_verified: boolean;
  name: string;
}

export interface Idp {
  stop(): Promise<void>;
}

/**
 * A real OpenID provider (panva's oidc-provider, the certified implementation) on 127.0.0.1, with its
 * development login and consent pages: the login typed there is the account id.
 */
export async function startIdp(options: {
  issuer: string;
  client: { id: string; secret: string; redirectUri: string };
  accounts: Record<string, IdpAccount>;
}): Promise<Idp> {
  const provider = new Provider(options.issuer, {
    clients: [
      {
        client_id: options.client.id,
        client_secret: options.client.secret,
        redirect_uris: [options.client.redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    async findAccount(_ctx, id) {
      const account = options.accounts[id];
      return account && { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Claims in the ID token itself, as Google, Entra ID and Okta put them: next-auth reads them there.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["headland-e2e-idp-cookie-key"] },
  });
  const server = createServer(provider.callback());
  const { port } = new URL(options.issuer);
  await new Promise<void>((resolve) => server.listen(Number(port), "127.0.0.1", resolve));
  return { stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
