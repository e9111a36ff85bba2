// Secrets shown to staff as `••••3f9a`: enough to tell two apart, never enough to use one. Applied on
// the server, so the raw values never reach a browser.

/**
 * Field names that hold secrets: the documented ones (clientSecret, apiKey, accessToken, refreshToken,
 * tokenId, tokenSecretKey) and their kin.
 */
const secretName = /secret|token|passw|api_?key|private|signature|credential|cookie|authorization|key$/i;
/** Values that are secrets whatever their field is called: JWTs and bearer headers. */
const secretValue = /^(bearer\s+\S+|eyJ[\w-]+\.[\w-]+\.[\w-]*)$/i;

const maskPrefix = "••••";

/** The last 4 characters of a secret; none at all when it is too short to keep 4 back safely. */
export function maskSecret(value: string): string {
  return value.length > 8 ? `${maskPrefix}${value.slice(-4)}` : maskPrefix;
}

function maskAll(value: unknown): unknown {
  if (typeof value === "string") return maskSecret(value);
  if (Array.isArray(value)) return value.map(maskAll);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskAll(v)]));
  return value === null || value === undefined ? value : maskPrefix;
}

/** A copy of any JSON value with every secret-like field, at any depth, masked. */
export function maskSecrets(value: unknown): unknown {
  if (typeof value === "string") return secretValue.test(value.trim()) ? maskSecret(value.trim()) : value;
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, secretName.test(key) ? maskAll(v) : maskSecrets(v)]),
    );
  }
  return value;
}
