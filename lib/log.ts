import "server-only";
import pino, { type DestinationStream } from "pino";

/**
 * Structured logs. Secrets are removed by key name at any depth, inside error causes too, and bodies,
 * requests and responses attached to errors are dropped whole: a provider's error can quote the token
 * request, and a token that slips into a log call must still never reach a log line.
 */
const secretKeyParts = [
  "token",
  "secret",
  "password",
  "passwd",
  "authorization",
  "cookie",
  "refresh",
  "access",
  "verifier",
  "apikey",
  "api_key",
  "sealed",
];
const secretKeys = new Set(["code", "state", "set-cookie"]);
/** What an HTTP client or oauth4webapi attaches to its errors: the exchange itself, secrets included. */
const attachedToErrors = new Set(["body", "response", "request", "parameters", "headers", "data", "config"]);
const maxDepth = 8;

function isSecretKey(key: string): boolean {
  const lower = key.toLowerCase();
  return secretKeys.has(lower) || secretKeyParts.some((part) => lower.includes(part));
}

/** Instances whose contents are an HTTP exchange or query: summarized, never walked. */
function summary(value: object): string | undefined {
  if (value instanceof Response) return `[Response ${value.status}]`;
  if (value instanceof Request) return `[Request ${value.method}]`;
  if (value instanceof URLSearchParams) return "[URLSearchParams]";
  if (value instanceof Headers) return "[Headers]";
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return "[bytes]";
  return undefined;
}

function redactError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = { type: error.name, message: error.message, stack: error.stack };
  for (const [key, value] of Object.entries(error)) {
    out[key] = attachedToErrors.has(key.toLowerCase()) ? "[stripped]" : redactValue(key, value, depth + 1, seen);
  }
  if (error.cause !== undefined) out.cause = redactCause(error.cause, depth + 1, seen);
  return out;
}

/** A cause is often the provider's raw answer (oauth4webapi's): walked like an error's own fields. */
function redactCause(cause: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (cause instanceof Error || cause === null || typeof cause !== "object")
    return redactValue("cause", cause, depth, seen);
  if (summary(cause)) return summary(cause);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(cause))
    out[key] = attachedToErrors.has(key.toLowerCase()) ? "[stripped]" : redactValue(key, value, depth + 1, seen);
  return out;
}

function redactValue(key: string, value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (isSecretKey(key)) return value === undefined || value === null ? value : "[redacted]";
  if (value === null || typeof value !== "object") return value;
  if (depth > maxDepth) return "[too deep]";
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  const short = summary(value);
  if (short) return short;
  if (value instanceof Error) return redactError(value, depth, seen);
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue("", item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactValue(k, v, depth + 1, seen);
  return out;
}

/** A log call's fields with every secret removed, at any depth. */
export function redactForLog(fields: Record<string, unknown>): Record<string, unknown> {
  return redactValue("", fields, 0, new WeakSet()) as Record<string, unknown>;
}

export function createLogger(destination?: DestinationStream) {
  const options = {
    level: process.env.LOG_LEVEL ?? "info",
    base: { app: "headland" },
    formatters: { log: redactForLog },
    // Errors arrive here already as plain objects with their causes walked; pino's own serializer would
    // fold the causes into one message and drop what is left of them.
    serializers: { err: (value: unknown) => value },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();
