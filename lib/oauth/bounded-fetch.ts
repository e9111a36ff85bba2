import "server-only";

/** A token set is a few kB; anything near this is not one, and is not read further. */
export const maxTokenResponseBytes = 64 * 1024;

export class ResponseTooLargeError extends Error {
  constructor(limit: number) {
    super(`response body over ${limit} bytes`);
    this.name = "ResponseTooLargeError";
  }
}

async function readCapped(response: Response, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ResponseTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Uint8Array.from(Buffer.concat(chunks));
}

/**
 * oauth4webapi's customFetch for the token request: the request carries the client secret and the code,
 * so a redirect is never followed (a 3xx comes back as itself), and the body is read up to `limit`.
 */
export async function boundedFetch(url: string, init: RequestInit, limit = maxTokenResponseBytes): Promise<Response> {
  const response = await fetch(url, { ...init, redirect: "manual" });
  const body = await readCapped(response, limit);
  const nullBody = [101, 204, 205, 304].includes(response.status) || body.byteLength === 0;
  return new Response(nullBody ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
