import "server-only";
import { audit } from "@/lib/audit";
import type { ApiKeyScope } from "@/lib/db/schema";
import { isLeafError } from "@/lib/leaf";
import { logger } from "@/lib/log";
import { allows, authenticate, withinRateLimit } from "./auth";
import type { ApiKey } from "./keys";
import { problem } from "./problem";

export interface ApiCall<P> {
  request: Request;
  key: ApiKey;
  params: P;
}

type Handler<P> = (call: ApiCall<P>) => Promise<Response>;

/**
 * One /api/v1 operation: the key, its rate limit and scope, then the handler; every failure becomes a
 * problem document, and every call a line in the audit trail under the key's name.
 */
export function apiOperation<P extends Record<string, string> = Record<string, never>>(
  operation: string,
  scope: ApiKeyScope,
  handler: Handler<P>,
) {
  return async (request: Request, context?: { params?: Promise<P> }): Promise<Response> => {
    const key = await authenticate(request);
    if (key instanceof Response) return key;
    const params = ((await context?.params) ?? {}) as P;
    const response =
      (await withinRateLimit(key)) ?? allows(key, scope) ?? (await answer(handler, request, key, params));
    await audit({
      actor: `api:${key.name}`,
      action: `api ${operation}`,
      outcome: String(response.status),
      leafUserId: params.id,
      provider: params.provider,
    });
    return response;
  };
}

async function answer<P>(handler: Handler<P>, request: Request, key: ApiKey, params: P): Promise<Response> {
  try {
    return await handler({ request, key, params });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The problem for a failure a handler did not expect; Leaf's own refusals and outages have their own. */
export function errorResponse(error: unknown): Response {
  if (isLeafError(error, "rejected")) return problem("leaf_rejected", `Leaf refused this: ${error.message}`);
  if (isLeafError(error))
    return problem("leaf_unavailable", "Leaf is not answering right now. Retry in a minute.", {
      headers: { "retry-after": "60" },
    });
  logger.error({ err: error }, "partner API call failed");
  return problem("internal", "Headland could not answer this call. Retry later; staff can see it in the logs.");
}
