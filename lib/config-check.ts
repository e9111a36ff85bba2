import "server-only";
import { z } from "zod";
import { ConfigError, loadConfig, readVar } from "@/lib/config";
import { parseTrustedProxies } from "@/lib/http/client-address";
import { modeProblems } from "@/lib/mode";
import { providers } from "@/lib/providers";
import { resolveSettings } from "@/lib/providers/settings";

const placeholderKey = `k1:${Buffer.alloc(32).toString("base64url")}`;
/** Stand-ins for a variable already reported, so the check goes on to the variables after it. */
const standIns = (variable: string) =>
  variable === "HEADLAND_ENCRYPTION_KEY"
    ? [placeholderKey]
    : variable === "HEADLAND_MODE"
      ? ["live"]
      : ["placeholder", "https://placeholder.invalid"];

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** Variables the server script reads itself, outside lib/config.ts. */
function serverProblems(env: Record<string, string | undefined>): string[] {
  const lines: string[] = [];
  try {
    parseTrustedProxies(env.HEADLAND_TRUSTED_PROXIES);
  } catch (error) {
    lines.push((error as Error).message);
  }
  const check = (name: string, schema: z.ZodType) => {
    try {
      readVar(env, name, schema);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      lines.push(error.message);
    }
  };
  check("HEADLAND_SHUTDOWN_TIMEOUT_MS", z.coerce.number().int().positive());
  check("LOG_LEVEL", z.enum(logLevels, `must be one of ${logLevels.join(", ")}`));
  return lines;
}

/**
 * Everything wrong with the environment, one line per variable, so a deployment is fixed in one pass
 * rather than one restart per mistake. Checked by `npm start` before it builds, and again by the app.
 */
export function configurationProblems(env: Record<string, string | undefined>): string[] {
  const lines = new Set(modeProblems(env, providers).map((p) => `${p.variable}: ${p.message}`));
  // The mode's rules are listed above; checked as if mixing were allowed, the other variables are not
  // hidden behind them. Loading stops at the first bad variable, so each one reported is replaced by a
  // stand-in and loading tried again, until it gets through.
  const probe: Record<string, string | undefined> = { ...env, HEADLAND_ALLOW_MIXED_MODE: "1" };
  const pending = new Map<string, (string | undefined)[]>();
  const report = (error: unknown): boolean => {
    if (!(error instanceof ConfigError)) throw error;
    let left = pending.get(error.variable);
    if (!left) {
      // Only the first complaint is the user's; later ones are about our stand-ins. A wrong value is
      // first dropped (its default applies), a missing one filled in.
      lines.add(error.message);
      left = [...(probe[error.variable]?.trim() ? [undefined] : []), ...standIns(error.variable)];
      pending.set(error.variable, left);
    }
    if (left.length === 0) return false;
    probe[error.variable] = left.shift();
    return true;
  };
  for (let pass = 0; pass < 100; pass++) {
    let again = false;
    try {
      const cfg = loadConfig(probe);
      for (const provider of providers) {
        try {
          resolveSettings(provider, cfg);
        } catch (error) {
          again = report(error) || again;
        }
      }
    } catch (error) {
      again = report(error);
    }
    if (!again) break;
  }
  for (const line of serverProblems(env)) lines.add(line);
  return [...lines];
}

export function describeProblems(problems: readonly string[]): string {
  return ["Headland cannot start; fix these environment variables:", ...problems.map((p) => `  - ${p}`)].join("\n");
}
