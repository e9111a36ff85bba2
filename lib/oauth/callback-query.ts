import { z } from "zod";
import { ConnectError } from "@/lib/connect/connect-error";

// RFC 6749 §3.1: a parameter sent twice is an error. Generous bound on length: ours are 43 characters.
const state = z.string().min(1).max(512);

/** Parameters of the authorization response that may appear at most once (RFC 6749 §4.1.2, RFC 9207 §2). */
const singular = ["code", "iss", "error"];

/**
 * The state of a callback, or missing_state when it is absent, repeated or malformed, or when another
 * response parameter is repeated: refused before the transaction is spent, so a tampered link spoils nothing.
 */
export function parseCallbackState(params: URLSearchParams): string {
  const values = params.getAll("state");
  const parsed = state.safeParse(values[0]);
  if (values.length !== 1 || !parsed.success) throw new ConnectError("missing_state");
  const repeated = singular.find((name) => params.getAll(name).length > 1);
  if (repeated) throw new ConnectError("missing_state", `${repeated} repeated`);
  return parsed.data;
}
