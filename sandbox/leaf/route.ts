import type { Sandbox } from "../context";
import { Halt, type Incoming } from "../http";
import type { Handler, Route } from "../router";
import { unauthorized } from "./problem";

export const USERS = "/services/usermanagement/api/users";

function requireBearer(req: Incoming, sandbox: Sandbox): void {
  const token = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (!token || !sandbox.state.leaf.sessions.isLive(token)) throw new Halt(unauthorized());
}

/** A Leaf route: counted as `leaf.METHOD pattern`, subject to Leaf faults, and behind a bearer token. */
export function leafRoute(
  method: Route["method"],
  pattern: string,
  handle: Handler,
  access: "bearer" | "public" = "bearer",
): Route {
  return {
    method,
    pattern,
    name: `leaf.${method} ${pattern}`,
    target: "leaf",
    handle: (req, sandbox) => {
      if (access === "bearer") requireBearer(req, sandbox);
      return handle(req, sandbox);
    },
  };
}
