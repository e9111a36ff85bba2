// Every way a connection attempt can fail, one row each: the code the URL carries and the HTTP status when
// the callback request itself is refused (the rest go back to /connections). What people read for each
// code is the connection doctor's (lib/doctor, messages/<locale>/doctor.json).

interface Failure {
  /** Set when the request is refused with a 4xx page instead of a redirect back to the grower's connections. */
  refusedWith?: 400 | 401 | 403;
}

const failures = {
  access_denied: {},
  authorize_failed: {},
  missing_state: { refusedWith: 400 },
  link_expired: { refusedWith: 400 },
  mismatch: { refusedWith: 403 },
  signed_out: { refusedWith: 401 },
  exchange_failed: {},
  // Not JSON, not an object, an unknown token_type, a redirect, or far too large: nothing in it is used.
  bad_token_response: {},
  no_refresh_token: {},
  provider_unavailable: {},
  leaf_rejected: {},
} satisfies Record<string, Failure>;

export type ConnectErrorCode = keyof typeof failures;

export function isConnectErrorCode(value: unknown): value is ConnectErrorCode {
  return typeof value === "string" && Object.hasOwn(failures, value);
}

/** The one way a connection attempt fails; the URL carries only the code, pages carry the words. */
export class ConnectError extends Error {
  constructor(
    readonly code: ConnectErrorCode,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "ConnectError";
  }

  /**
   * The 4xx status when the callback request itself is refused; undefined when the grower goes back to
   * /connections.
   */
  get refusedWith(): number | undefined {
    return (failures[this.code] as Failure).refusedWith;
  }
}
