import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "@/lib/config";

const dataDir = mkdtempSync(path.join(tmpdir(), "headland-alerts-config-"));
const live = {
  HEADLAND_MODE: "live",
  HEADLAND_DATA_DIR: dataDir,
  LEAF_API_URL: "https://api.withleaf.io",
  LEAF_API_TOKEN: "t",
  AUTH_SECRET: "s".repeat(32),
  HEADLAND_ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 1).toString("base64url")}`,
};

describe("Leaf alerts configuration", () => {
  it("in sandbox mode, generates a webhook secret and keeps it across starts", () => {
    const first = loadConfig({ HEADLAND_MODE: "sandbox", HEADLAND_DATA_DIR: dataDir }).leafAlerts;
    expect(first.secret?.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ HEADLAND_MODE: "sandbox", HEADLAND_DATA_DIR: dataDir }).leafAlerts.secret).toBe(first.secret);
    expect(first.maxAgeMs).toBe(6 * 3600_000);
  });

  it("in live mode, is off until HEADLAND_LEAF_WEBHOOK_SECRET is set", () => {
    expect(loadConfig(live).leafAlerts.secret).toBeUndefined();
    const secret = "a-long-enough-webhook-secret";
    expect(loadConfig({ ...live, HEADLAND_LEAF_WEBHOOK_SECRET: secret }).leafAlerts.secret).toBe(secret);
  });

  it("refuses a short secret, naming the variable", () => {
    expect(() => loadConfig({ ...live, HEADLAND_LEAF_WEBHOOK_SECRET: "short" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...live, HEADLAND_LEAF_WEBHOOK_SECRET: "short" })).toThrow(
      /HEADLAND_LEAF_WEBHOOK_SECRET/,
    );
  });
});
