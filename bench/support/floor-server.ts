// The callback's physical limit: a bare node:http handler that makes the same two upstream requests in
// sequence (the code for tokens at the provider, the credentials to Leaf) and nothing else. No session,
// no database, no framework. Run as a process of its own, as the app is:
//   node --import tsx bench/support/floor-server.ts '<FloorConfig as JSON>'
// and it prints its port on stdout once listening.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface FloorConfig {
  sandboxUrl: string;
  tokenPath: string;
  clientId: string;
  clientSecret: string;
  /** The app's own redirect URI: the code was issued for it. */
  redirectUri: string;
  leafCredentialsPath: string;
  leafUsername: string;
  leafPassword: string;
  /** Where the app sends the grower next; the floor answers with the same kind of redirect. */
  location: string;
}

async function main(): Promise<void> {
  const cfg = JSON.parse(process.argv[2] ?? "{}") as FloorConfig;
  const basic = `Basic ${Buffer.from(`${cfg.clientId}:${cfg.clientSecret}`).toString("base64")}`;
  // One Leaf token for every request, fetched before the first: the app caches its own the same way.
  const auth = await fetch(`${cfg.sandboxUrl}/api/authenticate`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ username: cfg.leafUsername, password: cfg.leafPassword, rememberMe: true }),
  });
  const { id_token: leafToken } = (await auth.json()) as { id_token: string };

  const server = createServer(async (req, res) => {
    try {
      const query = new URL(req.url ?? "/", "http://floor.invalid").searchParams;
      const tokenResponse = await fetch(`${cfg.sandboxUrl}${cfg.tokenPath}`, {
        method: "POST",
        headers: {
          authorization: basic,
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        body: new URLSearchParams({
          grant_type: "authorization_code",
          code: query.get("code") ?? "",
          redirect_uri: cfg.redirectUri,
        }),
      });
      const tokens = (await tokenResponse.json()) as { refresh_token?: string };
      if (!tokenResponse.ok || !tokens.refresh_token) throw new Error(`token endpoint ${tokenResponse.status}`);
      const leafUser = encodeURIComponent(query.get("leafUserId") ?? "");
      const leafResponse = await fetch(
        `${cfg.sandboxUrl}/services/usermanagement/api/users/${leafUser}/${cfg.leafCredentialsPath}`,
        {
          method: "POST",
          headers: {
            authorization: `Bearer ${leafToken}`,
            "content-type": "application/json",
            accept: "application/json",
          },
          body: JSON.stringify({
            clientId: cfg.clientId,
            clientSecret: cfg.clientSecret,
            refreshToken: tokens.refresh_token,
          }),
        },
      );
      await leafResponse.json();
      if (!leafResponse.ok) throw new Error(`Leaf ${leafResponse.status}`);
      res.writeHead(303, { location: cfg.location }).end();
    } catch (error) {
      res.writeHead(502, { "content-type": "text/plain" }).end((error as Error).message);
    }
  });
  server.keepAliveTimeout = 5000;
  server.listen(0, "127.0.0.1", () => console.log((server.address() as AddressInfo).port));
  process.once("SIGTERM", () => server.close(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
