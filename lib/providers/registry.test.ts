import { describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config";
import { providers, findProvider } from "./index";
import { resolveSettings } from "./settings";

const sandboxConfig = loadConfig({ HEADLAND_DATA_DIR: "/tmp/headland-registry-test", SANDBOX_PORT: "4999" });
const tokens = { accessToken: "AT-1", refreshToken: "RT-1", expiresIn: 3600, scope: "x" };

// Each body pinned to the Leaf docs (shared/seeds), field by field.
const cases = {
  "climate-fieldview": {
    path: "climate-field-view-credentials",
    body: { clientId: "headland-climate-sandbox", clientSecret: "sandbox-climate-secret-7c1e", apiKey: "sandbox-climate-api-key-52d0", refreshToken: "RT-1" },
  },
  "john-deere": {
    path: "john-deere-credentials",
    body: { clientKey: "headland-deere-sandbox", clientSecret: "sandbox-deere-secret-a93f", accessToken: "AT-1", refreshToken: "RT-1", clientEnvironment: "STAGE" },
  },
  trimble: {
    path: "trimble-credentials",
    body: { clientId: "headland-trimble-sandbox", clientSecret: "sandbox-trimble-secret-4be2", refreshToken: "RT-1" },
  },
} as const;

describe("provider registry", () => {
  it("holds exactly the three contract ids, in display order", () => {
    expect(providers.map((p) => p.id)).toEqual(["climate-fieldview", "john-deere", "trimble"]);
    expect(findProvider("nope")).toBeUndefined();
  });

  it.each(Object.entries(cases))("%s posts the documented body to its Leaf path", (id, expected) => {
    const provider = findProvider(id)!;
    const settings = resolveSettings(provider, sandboxConfig);
    expect(provider.leaf.path).toBe(expected.path);
    expect(provider.leaf.body(tokens, settings)).toStrictEqual(expected.body);
  });

  it("points unset providers at the sandbox and set ones at the real endpoints", () => {
    const deere = findProvider("john-deere")!;
    expect(resolveSettings(deere, sandboxConfig).tokenUrl).toBe("http://127.0.0.1:4999/deere/oauth2/v1/token");
    const real = loadConfig({ HEADLAND_DATA_DIR: "/tmp/headland-registry-test", JOHN_DEERE_CLIENT_ID: "id", JOHN_DEERE_CLIENT_SECRET: "s", JOHN_DEERE_ENVIRONMENT: "PRODUCTION" });
    const settings = resolveSettings(deere, real);
    expect(settings.tokenUrl).toBe("https://signin.johndeere.com/oauth2/aus78tnlaysMraFhC1t7/v1/token");
    expect(deere.leaf.body(tokens, settings).clientEnvironment).toBe("PRODUCTION");
  });

  it("asks each provider for the scopes Leaf needs", () => {
    const scopes = (id: string) => findProvider(id)!.scopes(resolveSettings(findProvider(id)!, sandboxConfig));
    expect(scopes("john-deere")).toContain("offline_access");
    expect(scopes("trimble")).toEqual(["openid", "headland-sandbox"]);
    expect(scopes("climate-fieldview")).toEqual(["asHarvested:read", "asPlanted:read", "asApplied:read", "fields:read", "resourceOwners:read", "farmOrganizations:read"]);
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
