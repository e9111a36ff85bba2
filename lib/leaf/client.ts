import { z } from "zod";
import { LeafError } from "./errors";
import { passwordToken, staticToken, type TokenSource } from "./token";

export interface LeafClientOptions {
  apiUrl: string;
  auth: { kind: "token"; token: string } | { kind: "password"; username: string; password: string };
  timeoutMs: number;
  /** Sends each request when it is its turn: the status sweep keeps its rate to Leaf with this. */
  throttle?: <T>(send: () => Promise<T>) => Promise<T>;
}

interface RequestOptions<T extends z.ZodType> {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  schema: T;
}

export interface LeafResponse<T> {
  data: T;
  headers: Headers;
}

const problem = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
  message: z.string().optional(),
  fieldErrors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/** Leaf's problem bodies, reduced to one line a person can read; never echoes request values. */
async function describeFailure(response: Response): Promise<string> {
  const parsed = problem.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) return `Leaf answered ${response.status}`;
  const { title, detail, message, fieldErrors } = parsed.data;
  const fields = fieldErrors?.map((f) => `${f.field}: ${f.message}`).join("; ");
  return [detail ?? message ?? title ?? `Leaf answered ${response.status}`, fields].filter(Boolean).join(" — ");
}

function failureKind(status: number): LeafError["kind"] {
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  return status >= 500 ? "unavailable" : "rejected";
}

function retryAfter(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return Symbol("not json");
  }
}

export class LeafClient {
  private readonly tokens: TokenSource;

  constructor(private readonly options: LeafClientOptions) {
    const { auth } = options;
    this.tokens =
      auth.kind === "token"
        ? staticToken(auth.token)
        : passwordToken(() =>
            this.send("POST", "/api/authenticate", {
              username: auth.username,
              password: auth.password,
              rememberMe: true,
            }),
          );
  }

  /** One call to Leaf: bearer token, timeout, one retry after a 401, the answer parsed with zod. */
  async request<T extends z.ZodType>(
    method: string,
    path: string,
    opts: RequestOptions<T>,
  ): Promise<LeafResponse<z.output<T>>> {
    let response = await this.authorized(method, path, opts);
    if (response.status === 401) response = await this.authorized(method, path, opts);
    if (!response.ok) {
      throw new LeafError(
        failureKind(response.status),
        await describeFailure(response),
        response.status,
        retryAfter(response.headers),
      );
    }
    const text = await response.text().catch(() => {
      throw new LeafError("timeout", "Leaf stopped answering mid-response");
    });
    const parsed = opts.schema.safeParse(parseJson(text));
    if (!parsed.success)
      throw new LeafError(
        "invalid_response",
        `Leaf answered ${method} ${path} with an unexpected body`,
        response.status,
      );
    return { data: parsed.data, headers: response.headers };
  }

  private async authorized(method: string, path: string, opts: RequestOptions<z.ZodType>): Promise<Response> {
    const token = await this.token();
    const response = await this.send(method, path, opts.body, opts.query, token);
    if (response.status === 401) this.tokens.invalidate(token);
    return response;
  }

  private async token(): Promise<string> {
    try {
      return await this.tokens.get();
    } catch (error) {
      if (error instanceof LeafError) throw error;
      const status = (error as { status?: number }).status;
      if (status === 401 || status === 403)
        throw new LeafError("unauthorized", "Leaf refused Headland's username or password", status);
      throw new LeafError(status ? failureKind(status) : "invalid_response", "Leaf authentication failed", status);
    }
  }

  private async send(
    method: string,
    path: string,
    body?: unknown,
    query?: RequestOptions<z.ZodType>["query"],
    token?: string,
  ): Promise<Response> {
    const url = new URL(path, this.options.apiUrl);
    for (const [key, value] of Object.entries(query ?? {}))
      if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (token) headers.authorization = `Bearer ${token}`;
    const request = () =>
      fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        // Every request carries Headland's Leaf token or password: a redirect is an answer, never followed.
        redirect: "manual",
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    try {
      return await (this.options.throttle ? this.options.throttle(request) : request());
    } catch (error) {
      const name = (error as Error).name;
      if (name === "TimeoutError" || name === "AbortError")
        throw new LeafError("timeout", `Leaf did not answer within ${this.options.timeoutMs} ms`);
      throw new LeafError("unavailable", "Leaf could not be reached");
    }
  }
}
