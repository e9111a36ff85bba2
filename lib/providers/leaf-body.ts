import type { LeafSource, Provider, ProviderSettings, TokenSet } from "./types";

function sourceValue(source: LeafSource, tokens: TokenSet, settings: ProviderSettings): string {
  if (typeof source === "object") return settings.options[source.option]!;
  if (source === "clientId" || source === "clientSecret") return settings[source];
  return tokens[source];
}

/** The body Leaf's `POST /users/{id}/{path}` expects for this provider, filled from the token set and settings. */
export function leafBody(provider: Provider, tokens: TokenSet, settings: ProviderSettings): Record<string, string> {
  const body: Record<string, string> = {};
  for (const [field, spec] of Object.entries(provider.leaf.body)) {
    body[field] = sourceValue(typeof spec === "object" && "from" in spec ? spec.from : spec, tokens, settings);
  }
  return body;
}
