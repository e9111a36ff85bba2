import { z } from "zod";
import { ConnectError } from "@/lib/connect/connect-error";

// RFC 6749 §3.1: a parameter sent twice is an error. Generous bound on length: ours are 43 characters.
const state = z.string().min(1).max(512);

/** The state of a callback, or missing_state when it is absent, repeated or malformed. */
export function parseCallbackState(params: URLSearchParams): string {
  const values = params.getAll("state");
  const parsed = state.safeParse(values[0]);
  if (values.length !== 1 || !parsed.success) throw new ConnectError("missing_state");
  return parsed.data;
}
