// Adding a provider is one file and its registry line: a made-up fourth provider, declared here only,
// goes through the whole consent flow against the sandbox, and Leaf accepts and validates its body.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { leaf } from "@/lib/leaf";
import { postCredentials } from "@/lib/leaf/credentials";
import { createLeafUser } from "@/lib/leaf/users";
import { authorizeUrl, redirectUriFor } from "@/lib/oauth/client";
import { exchangeCode } from "@/lib/oauth/exchange";
import { beginTransaction, consumeTransaction } from "@/lib/oauth/transactions";
import { providers } from "@/lib/providers/registry";
import { resolveSettings } from "@/lib/providers/settings";
import { refreshingTokenResponse } from "@/lib/providers/token-schema";
import { defineProvider } from "@/lib/providers/types";
import { appAgainstSandbox } from "@/lib/testing/app-env";
import { deliverCredentials } from "./deliver";

const fieldForge = defineProvider<"region">({
  id: "field-forge",
  name: "Field Forge",
  envPrefix: "FIELD_FORGE",
  endpoints: {
    issuer: "https://id.fieldforge.example",
    authorize: "https://id.fieldforge.example/authorize",
    token: "https://id.fieldforge.example/token",
  },
  options: { region: { env: "REGION", default: "EU", values: ["EU", "US"] } },
  scopes: () => ["fields", "machines", "offline"],
  pkce: () => true,
  tokenSchema: refreshingTokenResponse,
  leaf: {
    path: "field-forge-credentials",
    body: { appKey: "clientId", appSecret: "clientSecret", refreshToken: "refreshToken", region: { option: "region" } },
  },
  sandbox: {
    endpoints: { issuer: "/field-forge", authorize: "/field-forge/authorize", token: "/field-forge/token" },
    client: { clientId: "headland-forge-sandbox", clientSecret: "sandbox-forge-secret-0a1b" },
    options: { region: "US" },
    tokenPrefix: "ff",
    scopes: { grantable: () => ["fields", "machines", "offline"] },
    pkce: "required",
    lifetimes: { codeSeconds: 120, accessTokenSeconds: 600, refreshTokenSeconds: 90 * 86400 },
    rotatesRefreshToken: true,
    refreshTokenScope: "offline",
  },
});

let app: Awaited<ReturnType<typeof appAgainstSandbox>>;
beforeAll(async () => (app = await appAgainstSandbox({}, [...providers, fieldForge])));
afterAll(() => app.close());

/** The grower presses Allow on the simulated consent page; returns the callback's query. */
async function allow(url: string): Promise<URLSearchParams> {
  const authorize = new URL(url);
  expect((await fetch(authorize)).status).toBe(200);
  const form = new URLSearchParams([...authorize.searchParams, ["decision", "allow"]]);
  const decision = await fetch(`${authorize.origin}${authorize.pathname}`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  expect(decision.status).toBe(302);
  return new URL(decision.headers.get("location")!).searchParams;
}

describe("a fourth provider declared in one file", () => {
  it("connects through the sandbox, and Leaf stores and validates the body it declares", async () => {
    const settings = resolveSettings(fieldForge, config());
    expect(settings.tokenUrl).toBe(`${app.sandbox.url}/field-forge/token`);
    const leafUserId = (await createLeafUser(leaf(), { name: "Ada Fields", email: "ada@fields.test" })).id;

    const sessionId = "session-forge";
    const started = await beginTransaction({
      provider: fieldForge.id,
      leafUserId,
      sessionId,
      pkce: fieldForge.pkce(settings),
      returnTo: "/connections",
    });
    const redirectUri = redirectUriFor(config().appUrl, fieldForge);
    const callbackParams = await allow(
      authorizeUrl(fieldForge, settings, { redirectUri, state: started.state, codeChallenge: started.codeChallenge }),
    );

    const transaction = await consumeTransaction(callbackParams.get("state")!, { provider: fieldForge.id, sessionId });
    const tokens = await exchangeCode(fieldForge, settings, {
      callbackParams,
      state: started.state,
      codeVerifier: transaction.codeVerifier,
      redirectUri,
    });
    expect(tokens.refreshToken).toMatch(/^ff_rt_/);
    expect(await deliverCredentials(leafUserId, fieldForge, tokens, transaction.correlationId)).toBe("delivered");

    const credential = () => app.control("GET", `leaf/users/${leafUserId}/field-forge-credentials`);
    await expect.poll(async () => (await credential()).status, { timeout: 5_000 }).toBe("OK");
    // Leaf's refresh token against the one the provider issued under the grant, not against the app's own copy.
    const { postedBody, grantId } = await credential();
    const { refreshTokens } = await app.control("GET", `grants/${grantId}`);
    expect(postedBody).toStrictEqual({
      appKey: "headland-forge-sandbox",
      appSecret: "sandbox-forge-secret-0a1b",
      refreshToken: refreshTokens[0],
      region: "US",
    });
  });

  it("is refused by the sandbox's Leaf when the body strays from what it declares", async () => {
    const leafUserId = (await createLeafUser(leaf(), { name: "Ben Brooks", email: "ben@fields.test" })).id;
    const strayed = { appKey: "headland-forge-sandbox", appSecret: "x", refreshToken: "y", region: "MARS" };
    await expect(postCredentials(leaf(), leafUserId, fieldForge.leaf.path, strayed)).rejects.toMatchObject({
      kind: "rejected",
      status: 400,
    });
    const { region: _, ...missing } = strayed;
    await expect(postCredentials(leaf(), leafUserId, fieldForge.leaf.path, missing)).rejects.toMatchObject({
      kind: "rejected",
      status: 400,
    });
  });
});
