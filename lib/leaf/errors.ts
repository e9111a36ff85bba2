/** What went wrong talking to Leaf, as a value the UI can turn into a sentence. */
export type LeafErrorKind =
  | "unauthorized" // Leaf refused Headland's own credentials
  | "not_found"
  | "rejected" // a 4xx that retrying cannot fix: the body or the user is wrong
  | "rate_limited"
  | "unavailable" // 5xx or connection refused
  | "timeout"
  | "invalid_response"; // Leaf answered something the docs do not describe

export class LeafError extends Error {
  constructor(
    readonly kind: LeafErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "LeafError";
  }

  /** Worth trying again later: Leaf or the network was at fault, not the request. */
  get retryable(): boolean {
    return this.kind === "unavailable" || this.kind === "timeout" || this.kind === "rate_limited";
  }
}

export function isLeafError(error: unknown, kind?: LeafErrorKind): error is LeafError {
  return error instanceof LeafError && (kind === undefined || error.kind === kind);
}
