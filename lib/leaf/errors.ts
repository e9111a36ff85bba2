/** What went wrong talking to Leaf, as a value the UI can turn into a sentence. */
export type LeafErrorKind =
  | "unauthorized" // Leaf refused Headland's own credentials
  | "not_found"
  | "rejected" // a 4xx that retrying cannot fix: the body or the user is wrong
  | "rate_limited"
  | "unavailable" // 5xx or connection refused
  | "timeout"
  | "invalid_response"; // Leaf answered something the docs do not describe

// Next bundles server code per entry (routes, instrumentation), and the Leaf client is shared across
// them on globalThis, so `instanceof` can see two LeafError classes; a registered symbol cannot.
const brand = Symbol.for("headland.LeafError");

export class LeafError extends Error {
  readonly [brand] = true;

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
  const branded = typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[brand] === true;
  return branded && (kind === undefined || (error as LeafError).kind === kind);
}
