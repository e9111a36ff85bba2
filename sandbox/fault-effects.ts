import { type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import type { Fault } from "./faults";
import { json, type Reply } from "./http";
import { problem } from "./leaf/problem";

/** The answer a `status` fault gives, shaped like the real service's own errors. */
function faultReply(fault: Fault): Reply {
  const status = fault.status ?? 503;
  const headers: Record<string, string> =
    fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) };
  if (fault.target === "leaf") {
    const reply = problem(status, STATUS_CODES[status] ?? "Error", "Injected fault (sandbox)");
    return { ...reply, headers: { ...reply.headers, ...headers } };
  }
  const error = status === 503 || status === 429 ? "temporarily_unavailable" : "server_error";
  return json(status, { error, error_description: "Injected fault (sandbox)" }, headers);
}

/** Token-endpoint answers no client should use; each would carry tokens if it were one. */
function oddAnswer(fault: Fault, req: IncomingMessage): Reply {
  const tokens = { access_token: "odd_at_x", refresh_token: "odd_rt_x", expires_in: 3600 };
  switch (fault.answer) {
    case "not-json":
      return { status: 200, headers: { "content-type": "text/html" }, body: "<h1>Welcome back</h1>" };
    case "array":
      return json(200, [{ ...tokens, token_type: "Bearer" }]);
    case "unknown-token-type":
      return json(200, { ...tokens, token_type: "mac" });
    // Back to the same endpoint: a client that followed it would send the code and its secret again.
    case "redirect":
      return { status: 307, headers: { location: req.url ?? "/" } };
    default:
      return json(200, { ...tokens, token_type: "Bearer", padding: "x".repeat(100 * 1024) });
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Applies a fault to a request. Returns a reply to send, "handled" when the socket was dealt with
 * (reset, or held open until the client gives up), or "continue" to serve the request normally.
 */
export async function applyFault(
  fault: Fault,
  req: IncomingMessage,
  res: ServerResponse,
  held: Set<ServerResponse>,
): Promise<Reply | "handled" | "continue"> {
  switch (fault.mode) {
    case "status":
      return faultReply(fault);
    case "answer":
      return oddAnswer(fault, req);
    case "slow":
      await sleep(fault.delayMs ?? 1000);
      return "continue";
    case "reset":
      req.socket.destroy();
      return "handled";
    case "timeout": {
      // Never answer: hold the socket (60 s unless delayMs says otherwise), then drop it.
      held.add(res);
      const timer = setTimeout(() => {
        held.delete(res);
        req.socket.destroy();
      }, fault.delayMs ?? 60_000);
      timer.unref();
      res.on("close", () => {
        clearTimeout(timer);
        held.delete(res);
      });
      return "handled";
    }
  }
}
