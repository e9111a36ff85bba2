/** This machine's own names: the only hosts Headland may send a secret to over plain http (a local simulator). */
const loopbackHosts = ["127.0.0.1", "localhost", "[::1]"];

export function isLoopbackUrl(value: string): boolean {
  return loopbackHosts.includes(new URL(value).hostname);
}

/** https, or plain http to this machine: where a request carrying a secret may go. */
export function isSecretSafeUrl(value: string): boolean {
  const url = new URL(value);
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackUrl(value));
}
