import { describe, expect, it } from "vitest";
import {
  clientOf,
  connect,
  createUser,
  leafApi,
  leafToken,
  postJson,
  settledCredential,
  tokenRequest,
  USERS,
  useSandbox,
} from "./testing";

const sandbox = useSandbox();

function claims(jwt: string): Record<string, number | string> {
  return JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString("utf8"));
}

describe("Leaf authentication", () => {
  it("issues a 30-day token with rememberMe and a 24-hour one without", async () => {
    const long = claims(await leafToken(sandbox.url, true));
    const short = claims(await leafToken(sandbox.url, false));
    expect(Number(long.exp) - Number(long.iat)).toBe(30 * 86400);
    expect(Number(short.exp) - Number(short.iat)).toBe(86400);
    expect(long.sub).toBe("sandbox");
  });

  it("refuses wrong credentials with a problem body", async () => {
    const response = await postJson(`${sandbox.url}/api/authenticate`, { username: "sandbox", password: "nope" });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ title: "Unauthorized", status: 401, detail: "Bad credentials" });
  });

  it("requires a live bearer token this instance issued", async () => {
    expect((await fetch(`${sandbox.url}${USERS}`)).status).toBe(401);
    expect((await leafApi(sandbox.url, "not-a-token").get(USERS)).status).toBe(401);
    const token = await leafToken(sandbox.url);
    expect((await leafApi(sandbox.url, token).get(USERS)).status).toBe(200);
    await fetch(`${sandbox.url}/_sandbox/leaf/expire-tokens`, { method: "POST" });
    const refused = await leafApi(sandbox.url, token).get(USERS);
    expect(refused.status).toBe(401);
    expect((await refused.json()).title).toBe("Unauthorized");
  });

  it("expires tokens after the TTL set by a test", async () => {
    await postJson(`${sandbox.url}/_sandbox/leaf/token-ttl`, { seconds: 1 });
    const token = await leafToken(sandbox.url);
    expect(Number(claims(token).exp) - Number(claims(token).iat)).toBe(1);
    await postJson(`${sandbox.url}/_sandbox/clock/advance`, { seconds: 2 });
    expect((await leafApi(sandbox.url, token).get(USERS)).status).toBe(401);
    await postJson(`${sandbox.url}/_sandbox/leaf/token-ttl`, { seconds: 30 * 86400 });
  });
});

describe("Leaf users", () => {
  it("creates, pages, sorts, filters and deletes users", async () => {
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
    const token = await leafToken(sandbox.url);
    const leaf = leafApi(sandbox.url, token);
    const created = await leaf.post(USERS, { name: "Grower 0", email: "g0@example.com", externalId: "ext-0" });
    expect(created.status).toBe(201);
    const first = await created.json();
    expect(first).toMatchObject({
      name: "Grower 0",
      email: "g0@example.com",
      phone: null,
      address: null,
      externalId: "ext-0",
    });
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    for (let i = 1; i < 25; i++) await leaf.post(USERS, { name: `Grower ${i}`, email: `g${i}@example.com` });

    const page0 = await leaf.get(`${USERS}?page=0`);
    expect(page0.headers.get("x-total-count")).toBe("25");
    expect((await page0.json()).length).toBe(20);
    const page1 = await (await leaf.get(`${USERS}?page=1&size=20`)).json();
    expect(page1.map((u: { name: string }) => u.name)).toEqual([
      "Grower 20",
      "Grower 21",
      "Grower 22",
      "Grower 23",
      "Grower 24",
    ]);
    const newest = await (await leaf.get(`${USERS}?size=1&sort=createdTime,desc`)).json();
    expect(newest[0].name).toBe("Grower 24");
    const byName = await (await leaf.get(`${USERS}?size=2&sort=name,desc`)).json();
    expect(byName.map((u: { name: string }) => u.name)).toEqual(["Grower 9", "Grower 8"]);
    const byEmail = await leaf.get(`${USERS}?email=g7@example.com`);
    expect(byEmail.headers.get("x-total-count")).toBe("1");
    expect((await byEmail.json())[0].name).toBe("Grower 7");
    expect((await (await leaf.get(`${USERS}?externalId=ext-0`)).json())[0].id).toBe(first.id);

    expect((await leaf.get(`${USERS}?size=101`)).status).toBe(400);
    expect((await leaf.get(`${USERS}?sort=password,asc`)).status).toBe(400);
    expect((await leaf.get(`${USERS}/${first.id}`)).status).toBe(200);
    expect((await leaf.delete(`${USERS}/${first.id}`)).status).toBe(204);
    const gone = await leaf.get(`${USERS}/${first.id}`);
    expect(gone.status).toBe(404);
    expect((await gone.json()).status).toBe(404);
  });

  it("validates new users strictly", async () => {
    const leaf = leafApi(sandbox.url, await leafToken(sandbox.url));
    const missingEmail = await leaf.post(USERS, { name: "No Email" });
    expect(missingEmail.status).toBe(400);
    expect((await missingEmail.json()).fieldErrors).toEqual([{ field: "email", message: "is required" }]);
    expect((await leaf.post(USERS, { name: "Bad", email: "not-an-email" })).status).toBe(400);
    expect((await leaf.post(USERS, { name: " ", email: "a@example.com" })).status).toBe(400);
    const extra = await leaf.post(USERS, { name: "A", email: "a@example.com", id: "x" });
    expect((await extra.json()).fieldErrors).toEqual([{ field: "id", message: "is not a known field" }]);
  });

  it("answers malformed JSON, other media types, unknown routes and wrong methods", async () => {
    const token = await leafToken(sandbox.url);
    const auth = { authorization: `Bearer ${token}` };
    const malformed = await fetch(`${sandbox.url}${USERS}`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: "{nope",
    });
    expect(malformed.status).toBe(400);
    const huge = await fetch(`${sandbox.url}${USERS}`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: `"${"x".repeat(1_100_000)}"`,
    });
    expect(huge.status).toBe(413);
    const text = await fetch(`${sandbox.url}${USERS}`, {
      method: "POST",
      headers: { ...auth, "content-type": "text/plain" },
      body: "{}",
    });
    expect(text.status).toBe(415);
    const unknown = await fetch(`${sandbox.url}/services/usermanagement/api/nothing`, { headers: auth });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).status).toBe(404);
    const wrongMethod = await fetch(`${sandbox.url}/api/authenticate`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
  });
});

describe("Leaf credentials", () => {
  const cfv = clientOf("climate-fieldview");
  const deere = clientOf("john-deere");
  const trimble = clientOf("trimble");

  it("validates each kind's body exactly as documented", async () => {
    const token = await leafToken(sandbox.url);
    const leaf = leafApi(sandbox.url, token);
    const user = await createUser(sandbox.url, token);
    const path = (kind: string) => `${USERS}/${user}/${kind}-credentials`;

    const noApiKey = await leaf.post(path("climate-field-view"), {
      clientId: cfv.clientId,
      clientSecret: cfv.clientSecret,
      refreshToken: "x",
    });
    expect(noApiKey.status).toBe(400);
    expect((await noApiKey.json()).fieldErrors).toEqual([{ field: "apiKey", message: "is required" }]);
    const snake = await leaf.post(path("climate-field-view"), {
      client_id: cfv.clientId,
      clientId: cfv.clientId,
      clientSecret: "s",
      apiKey: "k",
      refreshToken: "r",
    });
    expect((await snake.json()).fieldErrors).toEqual([{ field: "client_id", message: "is not a known field" }]);

    const deereBody = {
      clientKey: deere.clientId,
      clientSecret: deere.clientSecret,
      refreshToken: "r",
      clientEnvironment: "STAGE",
    };
    expect((await leaf.post(path("john-deere"), { ...deereBody, clientEnvironment: "SANDBOX" })).status).toBe(400);
    expect((await leaf.post(path("john-deere"), { ...deereBody, accessToken: "" })).status).toBe(400);
    expect((await leaf.post(path("john-deere"), deereBody)).status).toBe(201);
    expect((await leaf.post(path("john-deere"), { ...deereBody, accessToken: "a" })).status).toBe(201);

    const emptyRefresh = await leaf.post(path("trimble"), {
      clientId: trimble.clientId,
      clientSecret: trimble.clientSecret,
      refreshToken: "",
    });
    expect((await emptyRefresh.json()).fieldErrors).toEqual([{ field: "refreshToken", message: "must not be empty" }]);
    expect((await leaf.post(`${USERS}/00000000-0000-0000-0000-000000000000/trimble-credentials`, {})).status).toBe(404);
    expect((await leaf.get(path("trimble"))).status).toBe(404);
  });

  it("moves a Climate credential from PROCESSING to OK, rotating the refresh token", async () => {
    const token = await leafToken(sandbox.url);
    const leaf = leafApi(sandbox.url, token);
    const user = await createUser(sandbox.url, token);
    const tokens = await connect(sandbox.url, "climate-fieldview");
    const body = {
      clientId: cfv.clientId,
      clientSecret: cfv.clientSecret,
      apiKey: cfv.secrets.apiKey,
      refreshToken: tokens.refresh_token!,
    };
    const path = `${USERS}/${user}/climate-field-view-credentials`;

    const posted = await leaf.post(path, body);
    expect(posted.status).toBe(201);
    expect(await posted.json()).toMatchObject({ status: "PROCESSING", ...body });

    const settled = await settledCredential(sandbox.url, token, path);
    expect(settled).toMatchObject({
      status: "OK",
      clientId: cfv.clientId,
      apiKey: cfv.secrets.apiKey,
      scopes: [
        "asHarvested:read",
        "asPlanted:read",
        "asApplied:read",
        "fields:read",
        "resourceOwners:read",
        "farmOrganizations:read",
      ],
    });
    // Leaf holds the refresh token Climate rotated to, the grant's second: the first is the grower's.
    const { grantId } = await (
      await fetch(`${sandbox.url}/_sandbox/leaf/users/${user}/climate-field-view-credentials`)
    ).json();
    const { refreshTokens } = await (await fetch(`${sandbox.url}/_sandbox/grants/${grantId}`)).json();
    expect(refreshTokens).toEqual([tokens.refresh_token, settled.refreshToken]);
    expect(settled.accessToken).toMatch(/^cfv_at_/);
    // Leaf used the grower's refresh token: the copy the app kept is dead.
    const reuse = await tokenRequest(sandbox.url, "climate-fieldview", {
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token!,
    });
    expect((await reuse.json()).error).toBe("invalid_grant");

    const events = await (await leaf.get(`${path}/events`)).json();
    expect(events.map((e: { statusCode: number }) => e.statusCode)).toEqual([200, 201]);
    expect(JSON.parse(events[0].body)).toEqual({ message: "Credentials validated" });
    expect(events[0].createdDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const raw = await (await fetch(`${sandbox.url}/_sandbox/leaf/users/${user}/climate-field-view-credentials`)).json();
    expect(raw.postedBody).toEqual(body);
    const secrets = [cfv.clientSecret, tokens.refresh_token!, String(settled.refreshToken)];
    for (const secret of secrets) expect(JSON.stringify(events)).not.toContain(secret);

    expect((await leaf.delete(path)).status).toBe(204);
    expect((await leaf.get(path)).status).toBe(404);
    expect((await leaf.delete(path)).status).toBe(404);
  });

  it("marks a credential UNAUTHENTICATED when the refresh token or client is wrong", async () => {
    const token = await leafToken(sandbox.url);
    const leaf = leafApi(sandbox.url, token);
    const user = await createUser(sandbox.url, token);
    const tokens = await connect(sandbox.url, "trimble");
    const path = `${USERS}/${user}/trimble-credentials`;
    await leaf.post(path, {
      clientId: trimble.clientId,
      clientSecret: trimble.clientSecret,
      refreshToken: "trm_rt_made-up",
    });
    expect((await settledCredential(sandbox.url, token, path)).status).toBe("UNAUTHENTICATED");
    await leaf.post(path, { clientId: trimble.clientId, clientSecret: "wrong", refreshToken: tokens.refresh_token! });
    expect((await settledCredential(sandbox.url, token, path)).status).toBe("UNAUTHENTICATED");
    const events = await (await leaf.get(`${path}/events`)).json();
    expect(events[0].statusCode).toBe(401);
    expect(JSON.parse(events[0].body).error).toBe("invalid_client");
  });

  it("keeps a Deere credential at MISSING_PERMISSION until organizations are shared", async () => {
    const token = await leafToken(sandbox.url);
    const leaf = leafApi(sandbox.url, token);
    const user = await createUser(sandbox.url, token);
    const tokens = await connect(sandbox.url, "john-deere");
    const path = `${USERS}/${user}/john-deere-credentials`;
    await leaf.post(path, {
      clientKey: deere.clientId,
      clientSecret: deere.clientSecret,
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      clientEnvironment: "STAGE",
    });
    expect(await (await leaf.get(`${path}/status`)).json()).toEqual({ status: "PROCESSING" });
    const settled = await settledCredential(sandbox.url, token, path);
    expect(settled.status).toBe("MISSING_PERMISSION");
    // Deere does not rotate: Leaf keeps the refresh token it was given.
    expect(settled.refreshToken).toBe(tokens.refresh_token);

    const organizations = await (await leaf.get(`${USERS}/${user}/organizations/JohnDeere`)).json();
    expect(organizations.connected).toEqual([]);
    expect(organizations.notConnected.map((o: { name: string }) => o.name)).toEqual([
      "Prairie Wind Farms",
      "Cedar Creek Ag",
    ]);
    const managementUri = new URL(organizations.notConnected[0].managementUri);
    const form = new URLSearchParams({
      grant: managementUri.searchParams.get("grant")!,
      organization: organizations.notConnected[0].id,
    });
    const saved = await fetch(managementUri.href.split("?")[0]!, { method: "POST", body: form });
    expect(saved.status).toBe(200);

    expect(await (await leaf.get(`${path}/status`)).json()).toEqual({ status: "OK" });
    const after = await (await leaf.get(`${USERS}/${user}/organizations/JohnDeere`)).json();
    expect(after.connected.map((o: { name: string }) => o.name)).toEqual(["Prairie Wind Farms"]);
  });

  it("lists a Trimble credential's organizations, with Trimble Ag's page as the managementUri", async () => {
    const token = await leafToken(sandbox.url);
    const leaf = leafApi(sandbox.url, token);
    const user = await createUser(sandbox.url, token);
    const tokens = await connect(sandbox.url, "trimble");
    const path = `${USERS}/${user}/trimble-credentials`;
    await leaf.post(path, {
      clientId: trimble.clientId,
      clientSecret: trimble.clientSecret,
      refreshToken: tokens.refresh_token!,
    });
    expect((await settledCredential(sandbox.url, token, path)).status).toBe("MISSING_PERMISSION");
    const organizations = await (await leaf.get(`${USERS}/${user}/organizations/Trimble`)).json();
    expect(organizations.connected).toEqual([]);
    expect(organizations.notConnected.map((o: { name: string }) => o.name)).toEqual([
      "Bluestem Farms",
      "Hollow Oak Ranch",
    ]);
    const managementUri = new URL(organizations.notConnected[0].managementUri);
    expect(managementUri.pathname).toBe("/trimble/ThirdPartyAccess/ThirdPartyAuthorizationRedirect");
    expect(managementUri.searchParams.get("clientid")).toBe(trimble.clientId);
    const form = new URLSearchParams({
      grant: managementUri.searchParams.get("grant")!,
      clientid: trimble.clientId,
      organization: organizations.notConnected[1].id,
    });
    expect((await fetch(managementUri.origin + managementUri.pathname, { method: "POST", body: form })).status).toBe(
      200,
    );
    expect((await (await leaf.get(path)).json()).status).toBe("OK");
  });

  it("removes a user's credentials with the user", async () => {
    const token = await leafToken(sandbox.url);
    const leaf = leafApi(sandbox.url, token);
    const user = await createUser(sandbox.url, token);
    const path = `${USERS}/${user}/trimble-credentials`;
    await leaf.post(path, { clientId: trimble.clientId, clientSecret: trimble.clientSecret, refreshToken: "r" });
    expect((await leaf.delete(`${USERS}/${user}`)).status).toBe(204);
    expect((await fetch(`${sandbox.url}/_sandbox/leaf/users/${user}/trimble-credentials`)).status).toBe(404);
  });
});
