import type { IncomingHttpHeaders } from "node:http";

/** What a handler answers; the server writes it. Handlers never touch the socket. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A request as handlers see it: parsed URL, route params, and the body read on demand. */
export interface Incoming {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  text(): Promise<string>;
}

/** Thrown to stop a handler with a finished answer (bad body, missing auth); the server sends it. */
export class Halt extends Error {
  constructor(readonly reply: Reply) {
    super(`halted with ${reply.status}`);
  }
}

export const MAX_BODY_BYTES = 1024 * 1024;

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(value) };
}

// Pages carry consent forms: keep them out of frames and caches, and let no script run at all.
const pageHeaders = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
};

export function html(status: number, page: string): Reply {
  return { status, headers: pageHeaders, body: page };
}

export function redirect(location: string, status = 302): Reply {
  return { status, headers: { location, "cache-control": "no-store" } };
}

export function noContent(): Reply {
  return { status: 204 };
}

/** The media type without parameters, lowercased; "" when absent. */
export function mediaType(headers: IncomingHttpHeaders): string {
  return (headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Names that appear more than once: OAuth forbids repeating a parameter (RFC 6749 §3.1, §3.2). */
export function repeatedNames(params: URLSearchParams): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const name of params.keys()) (seen.has(name) ? repeated : seen).add(name);
  return [...repeated];
}

/** Adds parameters to a URL's query, keeping any it already has. */
export function withQuery(uri: string, params: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.append(name, value);
  return url.href;
}
