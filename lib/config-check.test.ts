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
    ]);
    const block = describeProblems(problems);
    expect(block.split("\n")).toHaveLength(5);
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
});
