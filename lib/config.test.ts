import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";
import { findProvider } from "./providers";
import { resolveSettings } from "./providers/settings";

const dataDir = "/tmp/headland-config-test";

function errorOf(run: () => unknown): ConfigError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  return undefined;
}

describe("config", () => {
  it("runs against the sandbox with nothing set", () => {
    const cfg = loadConfig({ HEADLAND_MODE: "sandbox", HEADLAND_DATA_DIR: dataDir });
    expect(cfg.sandbox).toBe(true);
    expect(cfg.appUrl).toBe("http://localhost:3000");
    expect(cfg.leaf.apiUrl).toBe("http://127.0.0.1:4010");
    expect(cfg.leaf.auth).toEqual({ kind: "password", username: "sandbox", password: "sandbox" });
    expect(cfg.staff).toEqual({ email: "staff@headland.test", password: "headland" });
    expect(cfg.authSecret.length).toBeGreaterThanOrEqual(32);
  });

  it("keeps the generated secrets across starts", () => {
    expect(loadConfig({ HEADLAND_MODE: "sandbox", HEADLAND_DATA_DIR: dataDir }).authSecret).toBe(
      loadConfig({ HEADLAND_MODE: "sandbox", HEADLAND_DATA_DIR: dataDir }).authSecret,
    );
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ SANDBOX_PORT: "70000" }, "SANDBOX_PORT"],
    [{ APP_URL: "ftp://example.com" }, "APP_URL"],
    [{ LEAF_API_URL: "not a url" }, "LEAF_API_URL"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ HEADLAND_ENCRYPTION_KEY: "k1:short" }, "HEADLAND_ENCRYPTION_KEY"],
    [{ HEADLAND_MODE: "live", LEAF_API_URL: "https://api.withleaf.io" }, "LEAF_USERNAME"],
    [{ HEADLAND_MODE: "live", LEAF_API_URL: "https://api.withleaf.io", LEAF_API_TOKEN: "t" }, "AUTH_SECRET"],
  ])("names the variable of a bad value: %j", (env, variable) => {
    expect(errorOf(() => loadConfig({ HEADLAND_MODE: "sandbox", HEADLAND_DATA_DIR: dataDir, ...env }))?.variable).toBe(
      variable,
    );
  });

  it("uses a real Leaf with a token and no sandbox staff account", () => {
    const cfg = loadConfig({
      HEADLAND_MODE: "live",
      LEAF_API_URL: "https://api.withleaf.io/",
      LEAF_API_TOKEN: "t",
      AUTH_SECRET: "s".repeat(32),
      HEADLAND_ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 1).toString("base64url")}`,
    });
    expect(cfg.sandbox).toBe(false);
    expect(cfg.leaf.apiUrl).toBe("https://api.withleaf.io");
    expect(cfg.leaf.auth).toEqual({ kind: "token", token: "t" });
    expect(cfg.staff).toBeUndefined();
  });

  // Each of these receives a secret (Leaf's password or token, a client secret and code, a grower's token).
  it.each([
    ["LEAF_API_URL", "http://leaf.example.com"],
    ["TRIMBLE_TOKEN_URL", "http://id.trimble.com/oauth/token"],
    ["CLIMATE_FIELDVIEW_TOKEN_URL", "http://api.climate.com/api/oauth/token"],
    ["JOHN_DEERE_TOKEN_URL", "http://10.0.0.5/v1/token"],
    ["JOHN_DEERE_API_URL", "http://sandboxapi.deere.com/platform"],
  ])("refuses plain http off this machine for %s, naming it", (variable, value) => {
    const cfg = () => loadConfig({ HEADLAND_DATA_DIR: dataDir, HEADLAND_MODE: "sandbox", [variable]: value });
    const settled = () => {
      const loaded = cfg();
      for (const id of ["climate-fieldview", "john-deere", "trimble"]) resolveSettings(findProvider(id)!, loaded);
    };
    const error = errorOf(settled);
    expect(error?.variable).toBe(variable);
    expect(error?.message).toMatch(/must be https/);
  });

  it.each(["http://127.0.0.1:4999", "http://localhost:4999", "http://[::1]:4999", "https://id.example.com"])(
    "accepts https, and plain http to this machine: %s",
    (origin) => {
      const loaded = loadConfig({
        HEADLAND_DATA_DIR: dataDir,
        HEADLAND_MODE: "sandbox",
        TRIMBLE_TOKEN_URL: `${origin}/token`,
        JOHN_DEERE_API_URL: `${origin}/platform`,
      });
      expect(resolveSettings(findProvider("trimble")!, loaded).tokenUrl).toBe(`${origin}/token`);
      expect(resolveSettings(findProvider("john-deere")!, loaded).options.apiUrl).toBe(`${origin}/platform`);
    },
  );

  it("names the provider variable that is missing or wrong", () => {
    const deere = findProvider("john-deere")!;
    const mixed = { HEADLAND_MODE: "sandbox", HEADLAND_ALLOW_MIXED_MODE: "1", HEADLAND_DATA_DIR: dataDir };
    const bad = loadConfig({ ...mixed, JOHN_DEERE_ENVIRONMENT: "DEV" });
    expect(errorOf(() => resolveSettings(deere, bad))?.variable).toBe("JOHN_DEERE_ENVIRONMENT");
    const noSecret = loadConfig({ ...mixed, JOHN_DEERE_CLIENT_ID: "id" });
    expect(errorOf(() => resolveSettings(deere, noSecret))?.variable).toBe("JOHN_DEERE_CLIENT_SECRET");
    const climate = findProvider("climate-fieldview")!;
    const noKey = loadConfig({
      ...mixed,
      CLIMATE_FIELDVIEW_CLIENT_ID: "id",
      CLIMATE_FIELDVIEW_CLIENT_SECRET: "s",
    });
    expect(errorOf(() => resolveSettings(climate, noKey))?.variable).toBe("CLIMATE_FIELDVIEW_API_KEY");
  });

  describe("the mode, said explicitly", () => {
    const live = {
      HEADLAND_MODE: "live",
      LEAF_API_URL: "https://api.withleaf.io",
      LEAF_API_TOKEN: "t",
      AUTH_SECRET: "s".repeat(32),
      HEADLAND_ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 1).toString("base64url")}`,
    };

    it.each([{}, { HEADLAND_MODE: "demo" }])("is required: %j", (env) => {
      expect(errorOf(() => loadConfig({ HEADLAND_DATA_DIR: dataDir, ...env }))?.variable).toBe("HEADLAND_MODE");
    });

    it("refuses live mode without LEAF_API_URL instead of sending tokens to the sandbox", () => {
      expect(errorOf(() => loadConfig({ ...live, LEAF_API_URL: undefined }))?.variable).toBe("LEAF_API_URL");
    });

    it("refuses a real Leaf in sandbox mode", () => {
      const env = { HEADLAND_MODE: "sandbox", HEADLAND_DATA_DIR: dataDir, LEAF_API_URL: "https://api.withleaf.io" };
      expect(errorOf(() => loadConfig(env))?.variable).toBe("LEAF_API_URL");
    });

    it("in live mode, never falls back to the sandbox for a provider without a client id", () => {
      const trimble = findProvider("trimble")!;
      expect(errorOf(() => resolveSettings(trimble, loadConfig(live)))?.variable).toBe("TRIMBLE_CLIENT_ID");
    });

    it("refuses a real provider against the sandbox Leaf unless mixing is allowed", () => {
      const trimble = findProvider("trimble")!;
      const env = {
        HEADLAND_MODE: "sandbox",
        HEADLAND_DATA_DIR: dataDir,
        TRIMBLE_CLIENT_ID: "id",
        TRIMBLE_CLIENT_SECRET: "s",
        TRIMBLE_APPLICATION_NAME: "app",
      };
      expect(errorOf(() => resolveSettings(trimble, loadConfig(env)))?.variable).toBe("TRIMBLE_CLIENT_ID");
      const allowed = loadConfig({ ...env, HEADLAND_ALLOW_MIXED_MODE: "1" });
      expect(resolveSettings(trimble, allowed).tokenUrl).toMatch(/^https:\/\//);
    });

    it("keeps the demo staff account to sandbox mode", () => {
      expect(loadConfig({ HEADLAND_MODE: "sandbox", HEADLAND_DATA_DIR: dataDir }).staff?.password).toBe("headland");
      expect(loadConfig(live).staff).toBeUndefined();
    });
  });
});
