import "server-only";
import { recordAttempt } from "@/lib/auth/rate-limit";
import type { ApiKeyScope } from "@/lib/db/schema";
import { type ApiKey, presentApiKey } from "./keys";
import { problem } from "./problem";
import { apiRateLimitPerMinute } from "./settings";

const minute = 60_000;

/**
 * The key a request carries in `Authorization: Bearer`, and nothing else: a session cookie never
 * authorizes /api/v1, so a page on another site cannot make a signed-in admin's browser call it (no CSRF).
 */
export async function authenticate(request: Request): Promise<ApiKey | Response> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  const key = match ? await presentApiKey(match[1]!) : undefined;
  if (key) return key;
  return problem(
    "unauthorized",
    match
      ? "This API key is not valid or has been revoked. Ask a Headland admin for a key (Staff, then API keys)."
      : "Send an API key as `Authorization: Bearer <key>`. Admins create keys under Staff, then API keys.",
    { headers: { "www-authenticate": 'Bearer realm="headland"' } },
  );
}

/** Counts the call against the key's per-minute budget (shared by every instance); a 429 when it is spent. */
export async function withinRateLimit(key: ApiKey): Promise<Response | undefined> {
  const limit = apiRateLimitPerMinute();
  const { count, windowEndsAt } = await recordAttempt(`api-key:${key.id}`, minute);
  if (count <= limit) return undefined;
  const retryAfter = Math.max(1, Math.ceil((windowEndsAt - Date.now()) / 1000));
  return problem("too_many_requests", `This key may make ${limit} calls a minute. Retry in ${retryAfter} seconds.`, {
    headers: { "retry-after": String(retryAfter) },
  });
}

export function allows(key: ApiKey, needed: ApiKeyScope): Response | undefined {
  if (needed === "read" || key.scope === "write") return undefined;
  return problem("forbidden", `The key "${key.name}" is read-only. Ask an admin for a key with the write scope.`);
}
