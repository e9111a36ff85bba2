/**
 * A return-to value reduced to a same-origin path, or the fallback: no scheme, no host, no
 * protocol-relative "//" or "/\" tricks, no control characters (an open redirect needs any of these).
 */
export function safeReturnPath(value: string | null | undefined, fallback = "/connections"): string {
  if (!value || value.length > 512 || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return fallback;
  // Control characters are exactly what a return path must not hold.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: see above.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  const base = "http://headland.invalid";
  try {
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
