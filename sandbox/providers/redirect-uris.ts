import type { ProviderSpec } from "./spec";

const loopbackHosts = new Set(["localhost", "127.0.0.1"]);

function parse(uri: string): URL | undefined {
  try {
    return new URL(uri);
  } catch {
    return undefined;
  }
}

/**
 * Stands in for the redirect URIs registered in each provider's developer console: the app's callback on
 * this machine, any port, or an exact URI from SANDBOX_EXTRA_REDIRECT_URIS. Compared as written, after
 * checking that URL parsing would not change it, so `..`, case tricks, queries and fragments all fail.
 */
export function isRegisteredRedirectUri(spec: ProviderSpec, uri: string, extra: readonly string[]): boolean {
  if (extra.includes(uri)) return true;
  const url = parse(uri);
  if (!url || url.href !== uri || url.protocol !== "http:" || !loopbackHosts.has(url.hostname)) return false;
  return (
    !url.username && !url.password && !url.search && !url.hash && url.pathname === `/api/connect/${spec.id}/callback`
  );
}

/** Where Deere's organization page may send the grower back: the app on this machine, or a registered origin. */
export function isAllowedReturnUri(uri: string, extra: readonly string[]): boolean {
  const url = parse(uri);
  if (!url || url.username || url.password || url.hash) return false;
  if (url.protocol === "http:" && loopbackHosts.has(url.hostname)) return true;
  return extra.some((registered) => parse(registered)?.origin === url.origin);
}
