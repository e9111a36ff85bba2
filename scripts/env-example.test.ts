import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { providers } from "@/lib/providers";

const root = path.resolve(__dirname, "..");

// Set by Node, Next or the test harness, never by whoever deploys Headland.
const notConfiguration = new Set(["NODE_ENV", "NEXT_RUNTIME", "PATH", "CI"]);

/** The source a deployment runs: tests and test helpers left out. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "testing" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Every variable name the code reads: env.X, env["X"], readVar(env, "X"), numberFromEnv("X"). */
function variablesRead(): Set<string> {
  const files = [
    ...["app", "lib", "scripts", "sandbox", "components"].flatMap((d) => sourceFiles(path.join(root, d))),
    ...["proxy.ts", "instrumentation.ts", "next.config.js"].map((f) => path.join(root, f)),
  ];
  const patterns = [
    /\benv\.([A-Z][A-Z0-9_]+)/g,
    /\benv\[\s*"([A-Z][A-Z0-9_]+)"\s*\]/g,
    /(?:readVar|requireVar)\(\s*env,\s*"([A-Z][A-Z0-9_]+)"/g,
    /numberFromEnv\(\s*"([A-Z][A-Z0-9_]+)"/g,
  ];
  const names = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) names.add(match[1]!);
  }
  // Providers' variables are built from their prefix (lib/providers/settings.ts).
  for (const provider of providers) {
    for (const suffix of ["CLIENT_ID", "CLIENT_SECRET", "AUTHORIZE_URL", "TOKEN_URL", "ISSUER", "ISS_PARAMETER"])
      names.add(`${provider.envPrefix}_${suffix}`);
    for (const option of Object.values(provider.options) as { env: string }[])
      names.add(`${provider.envPrefix}_${option.env}`);
  }
  for (const name of notConfiguration) names.delete(name);
  return names;
}

function listed(): Set<string> {
  const text = readFileSync(path.join(root, ".env.example"), "utf8");
  return new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));
}

describe(".env.example", () => {
  it("lists every variable the code reads", () => {
    const read = variablesRead();
    // The scan itself works: it finds variables read each way.
    for (const name of ["DATABASE_URL", "HEADLAND_PROVIDER_TIMEOUT_MS", "HEADLAND_DIST_DIR", "SANDBOX_PORT"])
      expect(read).toContain(name);
    const missing = [...read].filter((name) => !listed().has(name)).sort();
    expect(missing, "add these to .env.example, with a comment").toEqual([]);
  });

  it("lists nothing the code does not read (a renamed variable would leave its old name behind)", () => {
    const read = variablesRead();
    expect([...listed()].filter((name) => !read.has(name)).sort()).toEqual([]);
  });
});
