import "server-only";
import { z } from "zod";
import { ConfigError, config, readVar, type Config } from "@/lib/config";
import { sandboxClients, type SandboxProviderId } from "@/sandbox/accounts";
import type { Provider, ProviderSettings } from "./types";

const url = z.url({ protocol: /^https?$/ });

/**
 * Resolves PREFIX_CLIENT_ID, PREFIX_CLIENT_SECRET, PREFIX_AUTHORIZE_URL, PREFIX_TOKEN_URL and the
 * provider's own options. A provider without PREFIX_CLIENT_ID runs against the sandbox; one with it
 * uses the real endpoints unless told otherwise, so one provider can be real while others are simulated.
 */
export function resolveSettings(provider: Provider, cfg: Config): ProviderSettings {
  const env = cfg.env;
  const name = (suffix: string) => `${provider.envPrefix}_${suffix}`;
  const clientId = env[name("CLIENT_ID")]?.trim();
  const simulated = !clientId;
  const endpoint = (path: string) => (simulated ? `${cfg.sandboxUrl}${path}` : path);
  const base = simulated ? provider.endpoints.sandbox : provider.endpoints.real;
  const sandboxClient = sandboxClients[provider.id as SandboxProviderId];
  if (simulated && !sandboxClient) throw new ConfigError(name("CLIENT_ID"), "required: the sandbox has no client for this provider");

  const options: Record<string, string> = {};
  for (const [key, spec] of Object.entries(provider.options)) {
    const variable = name(key);
    const raw = readVar(env, variable, z.string());
    const fallback = simulated ? (typeof spec.sandbox === "function" ? spec.sandbox(cfg.sandboxUrl) : spec.sandbox) : spec.default;
    const value = raw ?? fallback;
    if (value === undefined) throw new ConfigError(variable, `required when ${name("CLIENT_ID")} is set`);
    if (spec.values && !spec.values.includes(value)) throw new ConfigError(variable, `must be one of ${spec.values.join(", ")}`);
    options[key] = value;
  }

  return {
    clientId: clientId ?? sandboxClient.clientId,
    clientSecret: simulated ? sandboxClient.clientSecret : requireSecret(env, name("CLIENT_SECRET")),
    authorizeUrl: readVar(env, name("AUTHORIZE_URL"), url) ?? endpoint(base.authorize),
    tokenUrl: readVar(env, name("TOKEN_URL"), url) ?? endpoint(base.token),
    issuer: readVar(env, name("ISSUER"), url) ?? endpoint(base.issuer),
    options,
  };
}

function requireSecret(env: Record<string, string | undefined>, variable: string): string {
  const value = env[variable]?.trim();
  if (!value) throw new ConfigError(variable, "required when the matching CLIENT_ID is set");
  return value;
}

const cache = new Map<string, ProviderSettings>();

export function settingsFor(provider: Provider): ProviderSettings {
  let settings = cache.get(provider.id);
  if (!settings) {
    settings = resolveSettings(provider, config());
    cache.set(provider.id, settings);
  }
  return settings;
}
