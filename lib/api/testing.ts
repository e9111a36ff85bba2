// Calls a /api/v1 route handler as Next would, for the API's own tests.

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  key?: string;
  body?: unknown;
  query?: Record<string, string>;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

export function callApi(handler: unknown, method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const url = new URL(`http://127.0.0.1/api/v1${path}`);
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const request = new Request(url, { method, headers, body });
  return (handler as Handler)(request, { params: Promise.resolve(options.params ?? {}) });
}
