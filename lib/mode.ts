// Sandbox or live, said explicitly (HEADLAND_MODE), never guessed from which URLs happen to be unset: a
// live deployment missing one variable must not send real growers' tokens to the local simulator.
// Env-only rules, so `npm start` can check them before it builds anything.

export const modes = ["sandbox", "live"] as const;
export type Mode = (typeof modes)[number];

type Env = Record<string, string | undefined>;

export interface ModeProblem {
  variable: string;
  message: string;
}

const isSet = (env: Env, name: string) => Boolean(env[name]?.trim());

/** Tests that point one side at something else on purpose (a real provider against the sandbox Leaf). */
export function mixedModeAllowed(env: Env): boolean {
  return env.HEADLAND_ALLOW_MIXED_MODE?.trim() === "1";
}

export function parseMode(env: Env): Mode | ModeProblem {
  const value = env.HEADLAND_MODE?.trim();
  if (value === "sandbox" || value === "live") return value;
  return {
    variable: "HEADLAND_MODE",
    message: value
      ? `"${value}" is neither sandbox nor live`
      : "required: sandbox (simulated Leaf and providers; `npm start` sets it when unset) or live",
  };
}

export function leafModeProblem(env: Env, mode: Mode): ModeProblem | undefined {
  if (mixedModeAllowed(env)) return undefined;
  const set = isSet(env, "LEAF_API_URL");
  if (mode === "live" && !set)
    return { variable: "LEAF_API_URL", message: "required in live mode (unset, tokens would go to the sandbox)" };
  if (mode === "sandbox" && set)
    return {
      variable: "LEAF_API_URL",
      message: "set in sandbox mode: simulated providers would post to this Leaf. Set HEADLAND_MODE=live or unset it",
    };
  return undefined;
}

export function providerModeProblem(
  env: Env,
  mode: Mode,
  provider: { envPrefix: string; name: string },
): ModeProblem | undefined {
  if (mixedModeAllowed(env)) return undefined;
  const variable = `${provider.envPrefix}_CLIENT_ID`;
  const set = isSet(env, variable);
  if (mode === "live" && !set)
    return { variable, message: `required in live mode (unset, ${provider.name} would run against the sandbox)` };
  if (mode === "sandbox" && set)
    return {
      variable,
      message:
        `set in sandbox mode: real ${provider.name} tokens would go to the simulated Leaf. ` +
        "Set HEADLAND_MODE=live or unset it",
    };
  return undefined;
}

/** Every way the environment mixes the sandbox with real services, one entry per variable. */
export function modeProblems(env: Env, providers: readonly { envPrefix: string; name: string }[]): ModeProblem[] {
  const mode = parseMode(env);
  if (typeof mode !== "string") return [mode];
  const problems = [leafModeProblem(env, mode), ...providers.map((p) => providerModeProblem(env, mode, p))];
  return problems.filter((p) => p !== undefined);
}
