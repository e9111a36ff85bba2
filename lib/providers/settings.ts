import "server-only";
import { z } from "zod";
import { type Config, ConfigError, config, readVar, secretUrl } from "@/lib/config";
import { providerModeProblem } from "@/lib/mode";
import type { Endpoints, Provider, ProviderSettings } from "./types";

const url = z.url({ protocol: /^https?$/ });

/**
 * Resolves PREFIX_CLIENT_ID, PREFIX_CLIENT_SECRET, PREFIX_AUTHORIZE_URL, PREFIX_TOKEN_URL and the
 * provider's own options. In sandbox mode a provider has no PREFIX_CLIENT_ID and runs against the
 * sandbox; in live mode it must have one and uses the real endpoints unless told otherwise. Only
 * HEADLAND_ALLOW_MIXED_MODE=1 (tests) lets one provider be real while others are simulated.
 */
export function resolveSettings<K extends string>(provider: Provider<K>, cfg: Config): ProviderSettings<K> {
  const env = cfg.env;
  const name = (suffix: string) => `${provider.envPrefix}_${suffix}`;
  const mixed = providerModeProblem(env, cfg.mode, provider);
  if (mixed) throw new ConfigError(mixed.variable, mixed.message);
  const clientId = env[name("CLIENT_ID")]?.trim();
  const simulated = !clientId;
  const sandbox = provider.sandbox;
  const endpoint = (kind: keyof Endpoints) =>
    simulated ? `${cfg.sandboxUrl}${sandbox.endpoints[kind]}` : provider.endpoints[kind];

  const options = {} as Record<K, string>;
  for (const key of Object.keys(provider.options) as K[]) {
    const spec = provider.options[key];
    const variable = name(spec.env);
    const fallback = sandbox.options[key];
    const value =
      readVar(env, variable, z.string()) ??
      (simulated ? (typeof fallback === "function" ? fallback(cfg.sandboxUrl) : fallback) : spec.default);
    if (value === undefined) throw new ConfigError(variable, `required when ${name("CLIENT_ID")} is set`);
    if (spec.values && !spec.values.includes(value))
      throw new ConfigError(variable, `must be one of ${spec.values.join(", ")}`);
    options[key] = spec.endpoint && value ? (readVar({ [variable]: value }, variable, secretUrl) ?? value) : value;
  }

  return {
    clientId: clientId ?? sandbox.client.clientId,
    clientSecret: simulated ? sandbox.client.clientSecret : requireSecret(env, name("CLIENT_SECRET")),
    authorizeUrl: readVar(env, name("AUTHORIZE_URL"), url) ?? endpoint("authorize"),
    tokenUrl: readVar(env, name("TOKEN_URL"), secretUrl) ?? endpoint("token"),
    issuer: readVar(env, name("ISSUER"), url) ?? endpoint("issuer"),
    issParameter: issParameter(env, name("ISS_PARAMETER"), simulated ? sandbox.issParameter : provider.issParameter),
    options,
  };
}

/**
 * RFC 9207 support as the sandbox simulates it or the provider file declares it, unless the variable says
 * otherwise.
 */
function issParameter(env: Record<string, string | undefined>, variable: string, declared?: "supported"): boolean {
  const value = readVar(env, variable, z.enum(["supported", "unsupported"]));
  return (value ?? declared) === "supported";
}

function requireSecret(env: Record<string, string | undefined>, variable: string): string {
  const value = env[variable]?.trim();
  if (!value) throw new ConfigError(variable, "required when the matching CLIENT_ID is set");
  return value;
}

const cache = new Map<string, ProviderSettings>();

export function settingsFor<K extends string>(provider: Provider<K>): ProviderSettings<K> {
  let settings = cache.get(provider.id);
  if (!settings) {
    settings = resolveSettings(provider, config());
    cache.set(provider.id, settings);
  }
  return settings as ProviderSettings<K>;
}
