import { createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  authorizeParams,
  basic,
  callbackUri,
  catalog,
  clientAuth,
  clientOf,
  connect,
  consent,
  endpoints,
  postJson,
  tokenRequest,
  useSandbox,
} from "./testing";

const sandbox = useSandbox();

describe.each(catalog.specs.map((spec) => [spec.id, spec] as const))(
  "%s authorization code flow",
  (provider, { name, tokenPrefix: prefix, lifetimes, sendsIss, paths }) => {
    // RFC 9207: where the provider sends iss, on every authorization response, errors included.
    const iss = () => (sendsIss ? `&iss=${encodeURIComponent(`${sandbox.url}${paths.issuer}`)}` : "");
    it("shows the consent page, redirects with a code, and exchanges it with HTTP Basic", async () => {
      const { params } = authorizeParams(provider, { state: `"><script>alert(1)</script>` });
      const page = await fetch(`${sandbox.url}${endpoints(provider).authorize}?${params}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(`<title>Sign in to ${name} (sandbox)</title>`);
      expect(html).toContain(`<h1>Sign in to ${name} (sandbox)</h1>`);
      expect(html).toMatch(/<button[^>]*>Allow<\/button>/);
      expect(html).toMatch(/<button[^>]*>Deny<\/button>/);
      expect(html).not.toContain("<script>");
      expect(html).toContain("&lt;script&gt;");

      const { location, code, state, redirectUri, verifier } = await consent(sandbox.url, provider);
      expect(location.origin + location.pathname).toBe(redirectUri);
      expect(location.searchParams.get("state")).toBe(state);
      expect(location.searchParams.get("iss")).toBe(sendsIss ? `${sandbox.url}${paths.issuer}` : null);
      expect(code).toMatch(new RegExp(`^${prefix}_code_[A-Za-z0-9_-]{43}$`));

      const form: Record<string, string> = { grant_type: "authorization_code", code, redirect_uri: redirectUri };
      if (verifier) form.code_verifier = verifier;
      const response = await tokenRequest(sandbox.url, provider, form);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const tokens = await response.json();
      expect(tokens).toMatchObject({
        token_type: "Bearer",
        access_token: expect.stringMatching(new RegExp(`^${prefix}_at_`)),
      });
      expect(tokens.refresh_token).toMatch(new RegExp(`^${prefix}_rt_`));
      expect(tokens.expires_in).toBe(lifetimes.accessTokenSeconds);
    });

    it("redirects a denial with access_denied", async () => {
      const { location, state } = await consent(sandbox.url, provider, { decision: "deny" });
      expect(location.search).toBe(
        `?error=access_denied&error_description=The+user+denied+access&state=${encodeURIComponent(state)}${iss()}`,
      );
    });

    it("shows an error page, without redirecting, for an unregistered redirect_uri or client", async () => {
      for (const redirectUri of [
        "https://evil.example/api/connect/x/callback",
        `${callbackUri(provider)}?x=1`,
        "http://localhost:3000/api/connect/other/callback",
      ]) {
        const { params } = authorizeParams(provider, { redirectUri });
        const response = await fetch(`${sandbox.url}${endpoints(provider).authorize}?${params}`, {
          redirect: "manual",
        });
        expect(response.status).toBe(400);
        expect(response.headers.get("location")).toBeNull();
      }
      const { params } = authorizeParams(provider);
      params.set("client_id", "someone-else");
      expect(
        (await fetch(`${sandbox.url}${endpoints(provider).authorize}?${params}`, { redirect: "manual" })).status,
      ).toBe(400);
    });

    it("redirects an unknown scope with invalid_scope", async () => {
      const { params } = authorizeParams(provider, { scope: "everything" });
      const response = await fetch(`${sandbox.url}${endpoints(provider).authorize}?${params}`, { redirect: "manual" });
      expect(response.status).toBe(302);
      expect(new URL(response.headers.get("location")!).searchParams.get("error")).toBe("invalid_scope");
    });

    it("refuses a second redemption of a code and revokes what the first one issued", async () => {
      const { code, redirectUri, verifier } = await consent(sandbox.url, provider);
      const form: Record<string, string> = {
        grant_type: "authorization_code",
        code,
        redirect_uri: redirectUri,
        ...(verifier ? { code_verifier: verifier } : {}),
      };
      const first = await (await tokenRequest(sandbox.url, provider, form)).json();
      const second = await tokenRequest(sandbox.url, provider, form);
      expect(second.status).toBe(400);
      expect((await second.json()).error).toBe("invalid_grant");
      const refresh = await tokenRequest(sandbox.url, provider, {
        grant_type: "refresh_token",
        refresh_token: first.refresh_token,
      });
      expect((await refresh.json()).error).toBe("invalid_grant");
    });

    it("refuses a redirect_uri that differs from the authorize request", async () => {
      const { code, verifier } = await consent(sandbox.url, provider);
      const response = await tokenRequest(sandbox.url, provider, {
        grant_type: "authorization_code",
        code,
        redirect_uri: callbackUri(provider, 3001),
        ...(verifier ? { code_verifier: verifier } : {}),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "invalid_grant" });
    });

    it("accepts client authentication by HTTP Basic only", async () => {
      const { clientId, clientSecret } = clientOf(provider);
      const { code, redirectUri } = await consent(sandbox.url, provider);
      const inBody = await tokenRequest(
        sandbox.url,
        provider,
        {
          grant_type: "authorization_code",
          code,
          redirect_uri: redirectUri,
          client_id: clientId,
          client_secret: clientSecret,
        },
        null,
      );
      expect(inBody.status).toBe(401);
      expect(inBody.headers.get("www-authenticate")).toMatch(/^Basic/);
      expect((await inBody.json()).error).toBe("invalid_client");
      const wrong = await tokenRequest(
        sandbox.url,
        provider,
        { grant_type: "authorization_code", code, redirect_uri: redirectUri },
        basic(clientId, "wrong"),
      );
      expect(wrong.status).toBe(401);
      const unsupported = await tokenRequest(sandbox.url, provider, { grant_type: "password" });
      expect((await unsupported.json()).error).toBe("unsupported_grant_type");
      const json = await postJson(
        `${sandbox.url}${endpoints(provider).token}`,
        { grant_type: "authorization_code" },
        { authorization: clientAuth(provider) },
      );
      expect((await json.json()).error).toBe("invalid_request");
    });
  },
);

describe("PKCE", () => {
  it("is required by John Deere", async () => {
    const { params } = authorizeParams("john-deere", { pkce: false });
    const response = await fetch(`${sandbox.url}${endpoints("john-deere").authorize}?${params}`, {
      redirect: "manual",
    });
    const location = new URL(response.headers.get("location")!);
    expect(location.searchParams.get("error")).toBe("invalid_request");
    expect(location.searchParams.get("error_description")).toMatch(/PKCE/);
  });

  it("refuses a wrong or missing verifier, and a verifier for a code without a challenge", async () => {
    const deere = await consent(sandbox.url, "john-deere");
    const wrongVerifier = "a".repeat(43);
    const mismatch = await tokenRequest(sandbox.url, "john-deere", {
      grant_type: "authorization_code",
      code: deere.code,
      redirect_uri: deere.redirectUri,
      code_verifier: wrongVerifier,
    });
    expect((await mismatch.json()).error).toBe("invalid_grant");
    const again = await consent(sandbox.url, "john-deere");
    const missing = await tokenRequest(sandbox.url, "john-deere", {
      grant_type: "authorization_code",
      code: again.code,
      redirect_uri: again.redirectUri,
    });
    expect((await missing.json()).error).toBe("invalid_grant");
    const climate = await consent(sandbox.url, "climate-fieldview");
    const unexpected = await tokenRequest(sandbox.url, "climate-fieldview", {
      grant_type: "authorization_code",
      code: climate.code,
      redirect_uri: climate.redirectUri,
      code_verifier: wrongVerifier,
    });
    expect((await unexpected.json()).error).toBe("invalid_grant");
  });

  it("is honored by Climate when the app sends it", async () => {
    const tokens = await connect(sandbox.url, "climate-fieldview", { pkce: true });
    expect(tokens.access_token).toMatch(/^cfv_at_/);
  });
});

describe("refresh tokens", () => {
  it("John Deere issues one only with offline_access, and keeps it on refresh", async () => {
    const online = await connect(sandbox.url, "john-deere", { scope: "ag1 org1" });
    expect(online.refresh_token).toBeUndefined();
    const offline = await connect(sandbox.url, "john-deere");
    const refreshed = await (
      await tokenRequest(sandbox.url, "john-deere", {
        grant_type: "refresh_token",
        refresh_token: offline.refresh_token!,
      })
    ).json();
    expect(refreshed.refresh_token).toBe(offline.refresh_token);
    expect(refreshed.access_token).not.toBe(offline.access_token);
  });

  it("rotate on use wherever the provider does, and a narrower scope narrows only the access token", async () => {
    for (const { id: provider } of catalog.specs.filter((spec) => spec.rotatesRefreshToken)) {
      const tokens = await connect(sandbox.url, provider);
      const rotated = await (
        await tokenRequest(sandbox.url, provider, { grant_type: "refresh_token", refresh_token: tokens.refresh_token! })
      ).json();
      expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
      const old = await tokenRequest(sandbox.url, provider, {
        grant_type: "refresh_token",
        refresh_token: tokens.refresh_token!,
      });
      expect((await old.json()).error).toBe("invalid_grant");
    }
    const climate = await connect(sandbox.url, "climate-fieldview");
    const narrow = await (
      await tokenRequest(sandbox.url, "climate-fieldview", {
        grant_type: "refresh_token",
        refresh_token: climate.refresh_token!,
        scope: "fields:read",
      })
    ).json();
    expect(narrow.scope).toBe("fields:read");
    const wider = await tokenRequest(sandbox.url, "climate-fieldview", {
      grant_type: "refresh_token",
      refresh_token: narrow.refresh_token,
      scope: "rx:write",
    });
    expect((await wider.json()).error).toBe("invalid_scope");
  });

  it("codes expire (Climate's after a minute)", async () => {
    const { code, redirectUri } = await consent(sandbox.url, "climate-fieldview");
    await postJson(`${sandbox.url}/_sandbox/clock/advance`, { seconds: 61 });
    const response = await tokenRequest(sandbox.url, "climate-fieldview", {
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
    });
    expect(await response.json()).toMatchObject({
      error: "invalid_grant",
      error_description: expect.stringMatching(/expired/),
    });
  });
});

describe("Trimble OpenID Connect", () => {
  it("requires the scope `openid APPLICATION`", async () => {
    const { params } = authorizeParams("trimble", { scope: "openid" });
    const response = await fetch(`${sandbox.url}${endpoints("trimble").authorize}?${params}`, { redirect: "manual" });
    expect(new URL(response.headers.get("location")!).searchParams.get("error")).toBe("invalid_scope");
  });

  it("returns an id_token signed with a key from its JWKS", async () => {
    const discovery = await (await fetch(`${sandbox.url}/trimble/.well-known/openid-configuration`)).json();
    expect(discovery.issuer).toBe(`${sandbox.url}/trimble`);
    const { keys } = await (await fetch(discovery.jwks_uri)).json();
    const tokens = await connect(sandbox.url, "trimble");
    const [header, payload, signature] = tokens.id_token!.split(".") as [string, string, string];
    const key = createPublicKey({ key: keys[0], format: "jwk" });
    expect(verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url"))).toBe(
      true,
    );
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    expect(claims).toMatchObject({ iss: `${sandbox.url}/trimble`, aud: clientOf("trimble").clientId });
    expect(claims.exp - claims.iat).toBe(3600);
  });
});

describe("John Deere organizations", () => {
  const accept = "application/vnd.deere.axiom.v3+json";

  it("links to the selection page until the grower picks organizations", async () => {
    const discovery = await (await fetch(`${sandbox.url}/deere/oauth2/.well-known/oauth-authorization-server`)).json();
    expect(discovery.token_endpoint).toBe(`${sandbox.url}/deere/oauth2/v1/token`);
    const tokens = await connect(sandbox.url, "john-deere");
    const auth = { authorization: `Bearer ${tokens.access_token}` };
    expect((await fetch(`${sandbox.url}/deere/platform/organizations`, { headers: auth })).status).toBe(406);
    expect((await fetch(`${sandbox.url}/deere/platform/organizations`, { headers: { accept } })).status).toBe(401);
    const listed = await (
      await fetch(`${sandbox.url}/deere/platform/organizations`, { headers: { ...auth, accept } })
    ).json();
    expect(listed.values.map((o: { name: string }) => o.name)).toEqual(["Prairie Wind Farms", "Cedar Creek Ag"]);
    const connections = listed.values[0].links.find((l: { rel: string }) => l.rel === "connections").uri;
    expect(connections).toBe(
      `${sandbox.url}/deere/connections/${clientOf("john-deere").clientId}/select-organizations`,
    );

    const returnTo = "http://localhost:3000/connections?connected=john-deere";
    const page = await fetch(`${connections}?redirect_uri=${encodeURIComponent(returnTo)}`);
    const html = await page.text();
    expect(html).toContain("<h1>Select organizations (sandbox)</h1>");
    expect(html).toMatch(/<input type="checkbox"[^>]*> Prairie Wind Farms<\/label>/);
    expect(html).toMatch(/<button[^>]*>Done<\/button>/);
    const grant = /name="grant" value="([^"]+)"/.exec(html)![1]!;
    const form = new URLSearchParams({ grant, redirect_uri: returnTo, organization: listed.values[1].id });
    const saved = await fetch(connections, { method: "POST", body: form, redirect: "manual" });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(returnTo);

    const after = await (
      await fetch(`${sandbox.url}/deere/platform/organizations`, { headers: { ...auth, accept } })
    ).json();
    expect(after.values.flatMap((o: { links: { rel: string }[] }) => o.links.map((l) => l.rel))).not.toContain(
      "connections",
    );
  });

  it("refuses a return address off this machine", async () => {
    await connect(sandbox.url, "john-deere");
    const page = `${sandbox.url}/deere/connections/${clientOf("john-deere").clientId}/select-organizations`;
    const url = `${page}?redirect_uri=${encodeURIComponent("https://evil.example/")}`;
    expect((await fetch(url)).status).toBe(400);
  });
});

describe("Trimble Ag's organization page", () => {
  const page = "/trimble/ThirdPartyAccess/ThirdPartyAuthorizationRedirect";
  const returnTo = "http://localhost:3000/connections?connected=trimble";
  const clientid = () => clientOf("trimble").clientId;

  it("names the client and the way back in its query, and sends the grower back after Done", async () => {
    await connect(sandbox.url, "trimble");
    const query = new URLSearchParams({ clientid: clientid(), redirectionUrl: returnTo });
    const html = await (await fetch(`${sandbox.url}${page}?${query}`)).text();
    expect(html).toContain("<h1>Select organizations (sandbox)</h1>");
    expect(html).toMatch(/<input type="checkbox"[^>]*> Bluestem Farms<\/label>/);
    const grant = /name="grant" value="([^"]+)"/.exec(html)![1]!;
    expect(html).toContain(`name="clientid" value="${clientid()}"`);
    const id = /name="organization" value="([^"]+)"/.exec(html)![1]!;
    const form = new URLSearchParams({ grant, clientid: clientid(), redirectionUrl: returnTo, organization: id });
    const saved = await fetch(`${sandbox.url}${page}`, { method: "POST", body: form, redirect: "manual" });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(returnTo);
  });

  it("refuses an unknown client or a return address off this machine, and has no organizations API", async () => {
    await connect(sandbox.url, "trimble");
    const wrongClient = new URLSearchParams({ clientid: "someone-else", redirectionUrl: returnTo });
    expect((await fetch(`${sandbox.url}${page}?${wrongClient}`)).status).toBe(400);
    const offsite = new URLSearchParams({ clientid: clientid(), redirectionUrl: "https://evil.example/" });
    expect((await fetch(`${sandbox.url}${page}?${offsite}`)).status).toBe(400);
    expect((await fetch(`${sandbox.url}/trimble/platform/organizations`)).status).toBe(404);
  });
});
