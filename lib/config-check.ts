import "server-only";
import { ConfigError, loadConfig } from "@/lib/config";
import { modeProblems } from "@/lib/mode";
import { providers } from "@/lib/providers";
import { resolveSettings } from "@/lib/providers/settings";

/**
 * Everything wrong with the environment, one line per variable, so a deployment is fixed in one pass
 * rather than one restart per mistake. Checked by `npm start` before it builds, and again by the app.
 */
export function configurationProblems(env: Record<string, string | undefined>): string[] {
  const lines = new Set(modeProblems(env, providers).map((p) => `${p.variable}: ${p.message}`));
  const collect = (error: unknown) => {
    if (!(error instanceof ConfigError)) throw error;
    lines.add(error.message);
  };
  try {
    // The mode's rules are listed above; checked as if mixing were allowed, the other variables are not
    // hidden behind them.
    const cfg = loadConfig({ ...env, HEADLAND_ALLOW_MIXED_MODE: "1" });
    for (const provider of providers) {
      try {
        resolveSettings(provider, cfg);
      } catch (error) {
        collect(error);
      }
    }
  } catch (error) {
    collect(error);
  }
  return [...lines];
}

export function describeProblems(problems: readonly string[]): string {
  return ["Headland cannot start; fix these environment variables:", ...problems.map((p) => `  - ${p}`)].join("\n");
}
