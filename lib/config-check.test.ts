import { describe, expect, it } from "vitest";
import { configurationProblems, describeProblems } from "./config-check";

const dataDir = "/tmp/headland-config-check-test";

describe("configurationProblems", () => {
  it("lists every variable that mixes real and simulated services, in one block", () => {
    const problems = configurationProblems({
      HEADLAND_MODE: "live",
      HEADLAND_DATA_DIR: dataDir,
      JOHN_DEERE_CLIENT_ID: "id",
      LEAF_API_TOKEN: "t",
    });
    expect(problems.map((p) => p.split(":")[0])).toEqual([
      "LEAF_API_URL",
      "CLIMATE_FIELDVIEW_CLIENT_ID",
      "TRIMBLE_CLIENT_ID",
      // Not hidden behind the mode's problems: the other variables are checked too.
      "AUTH_SECRET",
      // Nor behind each other: loading stops at the first, the check does not.
      "HEADLAND_ENCRYPTION_KEY",
      "JOHN_DEERE_CLIENT_SECRET",
    ]);
    const block = describeProblems(problems);
    expect(block.split("\n")).toHaveLength(7);
    expect(block).toMatch(/^Headland cannot start/);
  });

  it("names a real provider left in sandbox mode (a deployment that forgot LEAF_API_URL)", () => {
    const problems = configurationProblems({
      HEADLAND_MODE: "sandbox",
      HEADLAND_DATA_DIR: dataDir,
      JOHN_DEERE_CLIENT_ID: "id",
      JOHN_DEERE_CLIENT_SECRET: "s",
    });
    expect(problems).toEqual([expect.stringMatching(/^JOHN_DEERE_CLIENT_ID: set in sandbox mode/)]);
  });

  it("has nothing to say about a fresh clone in sandbox mode, or a deliberate mix in a test", () => {
    expect(configurationProblems({ HEADLAND_MODE: "sandbox", HEADLAND_DATA_DIR: dataDir })).toEqual([]);
    expect(
      configurationProblems({
        HEADLAND_MODE: "sandbox",
        HEADLAND_ALLOW_MIXED_MODE: "1",
        HEADLAND_DATA_DIR: dataDir,
        JOHN_DEERE_CLIENT_ID: "id",
        JOHN_DEERE_CLIENT_SECRET: "s",
      }),
    ).toEqual([]);
  });

  it("lists every wrong value at once, the server's own variables included, and nothing about its stand-ins", () => {
    const problems = configurationProblems({
      HEADLAND_MODE: "live",
      HEADLAND_DATA_DIR: dataDir,
      LEAF_API_URL: "http://leaf.example.com",
      LEAF_API_TOKEN: "t",
      AUTH_SECRET: "s",
      PORT: "eighty",
      APP_URL: "ftp://headland.example.com",
      LEAF_TIMEOUT_MS: "soon",
      HEADLAND_ENCRYPTION_KEY: "too-short",
      HEADLAND_TRUSTED_PROXIES: "the load balancer",
      HEADLAND_SHUTDOWN_TIMEOUT_MS: "-1",
      LOG_LEVEL: "loud",
      HEADLAND_ALLOW_MIXED_MODE: "1",
    });
    expect(problems.map((p) => p.split(":")[0])).toEqual([
      "PORT",
      "LEAF_API_URL",
      "APP_URL",
      "LEAF_TIMEOUT_MS",
      "HEADLAND_ENCRYPTION_KEY",
      "HEADLAND_TRUSTED_PROXIES",
      "HEADLAND_SHUTDOWN_TIMEOUT_MS",
      "LOG_LEVEL",
    ]);
    expect(problems.find((p) => p.startsWith("LEAF_API_URL"))).toMatch(/must be https/);
  });
});
