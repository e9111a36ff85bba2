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
    const cfg = loadConfig({ HEADLAND_DATA_DIR: dataDir });
    expect(cfg.sandbox).toBe(true);
    expect(cfg.appUrl).toBe("http://localhost:3000");
    expect(cfg.leaf.apiUrl).toBe("http://127.0.0.1:4010");
    expect(cfg.leaf.auth).toEqual({ kind: "password", username: "sandbox", password: "sandbox" });
    expect(cfg.staff).toEqual({ email: "staff@headland.test", password: "headland" });
    expect(cfg.authSecret.length).toBeGreaterThanOrEqual(32);
  });

  it("keeps the generated secrets across starts", () => {
    expect(loadConfig({ HEADLAND_DATA_DIR: dataDir }).authSecret).toBe(
      loadConfig({ HEADLAND_DATA_DIR: dataDir }).authSecret,
    );
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ SANDBOX_PORT: "70000" }, "SANDBOX_PORT"],
    [{ APP_URL: "ftp://example.com" }, "APP_URL"],
    [{ LEAF_API_URL: "not a url" }, "LEAF_API_URL"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ HEADLAND_ENCRYPTION_KEY: "k1:short" }, "HEADLAND_ENCRYPTION_KEY"],
    [{ LEAF_API_URL: "https://api.withleaf.io" }, "LEAF_USERNAME"],
    [{ LEAF_API_URL: "https://api.withleaf.io", LEAF_API_TOKEN: "t" }, "AUTH_SECRET"],
  ])("names the variable of a bad value: %j", (env, variable) => {
    expect(errorOf(() => loadConfig({ HEADLAND_DATA_DIR: dataDir, ...env }))?.variable).toBe(variable);
  });

  it("uses a real Leaf with a token and no sandbox staff account", () => {
    const cfg = loadConfig({
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

  it("names the provider variable that is missing or wrong", () => {
    const deere = findProvider("john-deere")!;
    const bad = loadConfig({ HEADLAND_DATA_DIR: dataDir, JOHN_DEERE_ENVIRONMENT: "DEV" });
    expect(errorOf(() => resolveSettings(deere, bad))?.variable).toBe("JOHN_DEERE_ENVIRONMENT");
    const noSecret = loadConfig({ HEADLAND_DATA_DIR: dataDir, JOHN_DEERE_CLIENT_ID: "id" });
    expect(errorOf(() => resolveSettings(deere, noSecret))?.variable).toBe("JOHN_DEERE_CLIENT_SECRET");
    const climate = findProvider("climate-fieldview")!;
    const noKey = loadConfig({
      HEADLAND_DATA_DIR: dataDir,
      CLIMATE_FIELDVIEW_CLIENT_ID: "id",
      CLIMATE_FIELDVIEW_CLIENT_SECRET: "s",
    });
    expect(errorOf(() => resolveSettings(climate, noKey))?.variable).toBe("CLIMATE_FIELDVIEW_API_KEY");
  });
});
