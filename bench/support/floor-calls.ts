// The two upstream requests a consent callback cannot avoid, in sequence, and nothing else: the code for
// tokens at the provider, then the credentials to Leaf. Shared by both floors (bare node:http and a bare
// Next.js route handler), so the two do exactly the same work. Plain enough for Next to compile as is.

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
  /** Where the app sends the grower next; a floor answers with the same kind of redirect. */
  location: string;
}

/** `deliver(query)` trades `code` and posts the refresh token for `leafUserId`; throws on any failure. */
export function floorCalls(cfg: FloorConfig): (query: URLSearchParams) => Promise<void> {
  const basic = `Basic ${Buffer.from(`${cfg.clientId}:${cfg.clientSecret}`).toString("base64")}`;
  let leafToken: Promise<string> | undefined;
  // One Leaf token for every request, as the app caches its own.
  const token = () =>
    (leafToken ??= fetch(`${cfg.sandboxUrl}/api/authenticate`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ username: cfg.leafUsername, password: cfg.leafPassword, rememberMe: true }),
    })
      .then((r) => r.json() as Promise<{ id_token: string }>)
      .then((body) => body.id_token));

  return async (query) => {
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
          authorization: `Bearer ${await token()}`,
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
  };
}
