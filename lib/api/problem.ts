import "server-only";

// RFC 9457 problem details: every error the partner API sends. One row per problem: its status, its title
// (the same for every occurrence) and where it is explained (the reference page, anchored by code).

export const problemTypes = {
  unauthorized: { status: 401, title: "Missing or unknown API key" },
  forbidden: { status: 403, title: "This key may not do that" },
  not_found: { status: 404, title: "Not found" },
  invalid_request: { status: 400, title: "The request is not valid" },
  idempotency_conflict: { status: 422, title: "Idempotency-Key reused with a different request" },
  idempotency_in_progress: { status: 409, title: "A request with this Idempotency-Key is still running" },
  conflict: { status: 409, title: "Conflicts with an existing grower" },
  too_many_requests: { status: 429, title: "Too many requests" },
  leaf_rejected: { status: 422, title: "Leaf refused the request" },
  leaf_unavailable: { status: 503, title: "Leaf is not answering" },
  internal: { status: 500, title: "Headland failed to answer" },
} as const;

export type ProblemCode = keyof typeof problemTypes;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Which fields were wrong, for invalid_request. */
  errors?: { path: string; message: string }[];
}

/** Relative to the API's base, as RFC 9457 §3.1.1 allows: the reference page's section on this problem. */
export const problemTypeUri = (code: ProblemCode) => `/api/v1/docs#problem-${code}`;

export function problemBody(code: ProblemCode, detail: string, errors?: Problem["errors"]): Problem {
  const { status, title } = problemTypes[code];
  return { type: problemTypeUri(code), title, status, detail, ...(errors && { errors }) };
}

export function problem(
  code: ProblemCode,
  detail: string,
  options: { errors?: Problem["errors"]; headers?: Record<string, string> } = {},
): Response {
  const body = problemBody(code, detail, options.errors);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...options.headers },
  });
}

/** A zod failure as a 400 whose detail names the first wrong field, with every issue listed. */
export function invalidRequest(
  where: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Response {
  const errors = issues.map((i) => ({ path: i.path.map(String).join(".") || where, message: i.message }));
  const first = errors[0];
  const detail = first ? `${where}: ${first.path === where ? "" : `${first.path}: `}${first.message}` : where;
  return problem("invalid_request", detail, { errors });
}
