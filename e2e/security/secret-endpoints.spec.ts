import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../../lib/testing/free-port";

// Every endpoint Headland sends a secret to must be https; a plain http one off this machine stops the
// built app at start-up, naming the variable, before it serves or sends anything.
const root = path.resolve(__dirname, "../..");

async function startApp(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    path.join(root, "node_modules/.bin/next"),
    ["start", "-p", String(await freePort()), "-H", "127.0.0.1"],
    {
      cwd: root,
      env: {
        ...process.env,
        HEADLAND_MODE: "sandbox",
        // One real endpoint among simulated ones is "mixed"; allowed here so only the https rule can stop it.
        HEADLAND_ALLOW_MIXED_MODE: "1",
        HEADLAND_DATA_DIR: mkdtempSync(path.join(tmpdir(), "headland-https-")),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill("SIGTERM"), 30_000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
  return { code, output };
}

const plainHttp: [string, string][] = [
  ["LEAF_API_URL", "http://api.withleaf.io"],
  ["TRIMBLE_TOKEN_URL", "http://id.trimble.com/oauth/token"],
  ["CLIMATE_FIELDVIEW_TOKEN_URL", "http://api.climate.com/api/oauth/token"],
  ["JOHN_DEERE_TOKEN_URL", "http://signin.johndeere.com/oauth2/aus78tnlaysMraFhC1t7/v1/token"],
  ["JOHN_DEERE_API_URL", "http://sandboxapi.deere.com/platform"],
];

for (const [variable, value] of plainHttp) {
  test(`start-up stops on a plain http ${variable}, naming it`, async () => {
    const { code, output } = await startApp({ [variable]: value });
    expect(code, output).toBe(1);
    expect(output).toMatch(new RegExp(`${variable}: must be https`));
  });
}
