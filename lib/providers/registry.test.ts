import { describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config";
import { findProvider, providers } from "./index";
import { leafBody } from "./leaf-body";
import { resolveSettings } from "./settings";

const sandboxConfig = loadConfig({
  HEADLAND_MODE: "sandbox",
  HEADLAND_DATA_DIR: "/tmp/headland-registry-test",
  SANDBOX_PORT: "4999",
});
const tokens = { accessToken: "AT-1", refreshToken: "RT-1", expiresIn: 3600, scope: "x" };

// Leaf's documented credential bodies (shared/seeds), by path. A provider whose Leaf path is listed here
// must post exactly these fields; values come from the sandbox client and the token set.
const documented: Record<string, (tokens: { accessToken: string; refreshToken: string }) => Record<string, string>> = {
  "climate-field-view-credentials": ({ refreshToken }) => ({
    clientId: "headland-climate-sandbox",
    clientSecret: "sandbox-climate-secret-7c1e",
    apiKey: "sandbox-climate-api-key-52d0",
    refreshToken,
  }),
  "john-deere-credentials": ({ accessToken, refreshToken }) => ({
    clientKey: "headland-deere-sandbox",
    clientSecret: "sandbox-deere-secret-a93f",
    accessToken,
    refreshToken,
    clientEnvironment: "STAGE",
  }),
  "trimble-credentials": ({ refreshToken }) => ({
    clientId: "headland-trimble-sandbox",
    clientSecret: "sandbox-trimble-secret-4be2",
    refreshToken,
  }),
};

describe("provider registry", () => {
  it("holds unique ids, names, Leaf paths and environment prefixes, and finds by id", () => {
    for (const key of ["id", "name", "envPrefix"] as const)
      expect(new Set(providers.map((p) => p[key])).size).toBe(providers.length);
    expect(new Set(providers.map((p) => p.leaf.path)).size).toBe(providers.length);
    for (const provider of providers) expect(findProvider(provider.id)).toBe(provider);
    expect(findProvider("nope")).toBeUndefined();
  });

  it.each(providers.filter((p) => documented[p.leaf.path]).map((p) => [p.id, p] as const))(
    "%s posts Leaf's documented body",
    (_id, provider) => {
      const settings = resolveSettings(provider, sandboxConfig);
      expect(leafBody(provider, tokens, settings)).toStrictEqual(documented[provider.leaf.path]!(tokens));
    },
  );

  it("points unset providers at the sandbox and set ones at the real endpoints", () => {
    const deere = findProvider("john-deere")!;
    expect(resolveSettings(deere, sandboxConfig).tokenUrl).toBe("http://127.0.0.1:4999/deere/oauth2/v1/token");
    const real = loadConfig({
      HEADLAND_MODE: "sandbox",
      HEADLAND_ALLOW_MIXED_MODE: "1",
      HEADLAND_DATA_DIR: "/tmp/headland-registry-test",
      JOHN_DEERE_CLIENT_ID: "id",
      JOHN_DEERE_CLIENT_SECRET: "s",
      JOHN_DEERE_ENVIRONMENT: "PRODUCTION",
    });
    const settings = resolveSettings(deere, real);
    expect(settings.tokenUrl).toBe("https://signin.johndeere.com/oauth2/aus78tnlaysMraFhC1t7/v1/token");
    expect(leafBody(deere, tokens, settings).clientEnvironment).toBe("PRODUCTION");
  });

  it("asks each provider for the scopes Leaf needs", () => {
    const scopes = (id: string) => findProvider(id)!.scopes(resolveSettings(findProvider(id)!, sandboxConfig));
    expect(scopes("john-deere")).toContain("offline_access");
    expect(scopes("trimble")).toEqual(["openid", "headland-sandbox"]);
    expect(scopes("climate-fieldview")).toEqual([
      "asHarvested:read",
      "asPlanted:read",
      "asApplied:read",
      "fields:read",
      "resourceOwners:read",
      "farmOrganizations:read",
    ]);
  });

  it("uses PKCE only where it is safe with Leaf doing the refreshing", () => {
    const pkce = (id: string) => findProvider(id)!.pkce(resolveSettings(findProvider(id)!, sandboxConfig));
    expect([pkce("climate-fieldview"), pkce("john-deere"), pkce("trimble")]).toEqual([false, true, false]);
  });

  it("demands a refresh token in every token response", () => {
    for (const provider of providers) {
      expect(provider.tokenSchema.safeParse({ access_token: "a", token_type: "Bearer" }).success).toBe(false);
      expect(provider.tokenSchema.safeParse({ access_token: "a", refresh_token: "r" }).success).toBe(true);
    }
  });
});
