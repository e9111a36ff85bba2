import type { Sandbox } from "./context";
import type { FaultTarget } from "./faults";
import type { Incoming, Reply } from "./http";

export type Handler = (req: Incoming, sandbox: Sandbox) => Reply | Promise<Reply>;

export interface Route {
  method: "GET" | "POST" | "DELETE";
  /** Literal segments and `{param}` segments, e.g. `/services/usermanagement/api/users/{id}`. */
  pattern: string;
  /** Key in the call counters; control routes have none. */
  name?: string;
  /** Which injected faults may hit this route; pages and control routes have none. */
  target?: FaultTarget;
  handle: Handler;
}

export type Match =
  | { kind: "found"; route: Route; params: Record<string, string> }
  | { kind: "wrong-method"; allowed: string[] }
  | { kind: "not-found" };

interface Compiled {
  route: Route;
  segments: string[];
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function matchSegments(pattern: string[], path: string[]): Record<string, string> | undefined {
  if (pattern.length !== path.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, expected] of pattern.entries()) {
    const actual = path[i]!;
    if (expected.startsWith("{")) {
      const value = decode(actual);
      if (!value) return undefined;
      params[expected.slice(1, -1)] = value;
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}

export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => ({ route, segments: route.pattern.split("/") }));
  }

  match(method: string, path: string): Match {
    const found = this.find(method, path);
    // Leaf's own Postman collection lists users at `/users/`; its server accepts the trailing slash.
    if (found.kind === "not-found" && path.startsWith("/services/") && path.endsWith("/"))
      return this.find(method, path.slice(0, -1));
    return found;
  }

  private find(method: string, path: string): Match {
    const segments = path.split("/");
    const allowed: string[] = [];
    for (const { route, segments: pattern } of this.compiled) {
      const params = matchSegments(pattern, segments);
      if (!params) continue;
      if (route.method === method) return { kind: "found", route, params };
      allowed.push(route.method);
    }
    return allowed.length ? { kind: "wrong-method", allowed } : { kind: "not-found" };
  }
}
