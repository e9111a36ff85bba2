// Every way a connection attempt can fail, one row each: the code the URL carries, the HTTP status when
// the callback request itself is refused (the rest go back to /connections), and what the grower reads.

interface Failure {
  /** Set when the request is refused with a 4xx page instead of a redirect back to the grower's connections. */
  refusedWith?: 400 | 401 | 403;
  title(provider: string): string;
  sentence(provider: string): string;
}

const failures = {
  access_denied: {
    title: (p) => `${p} was not connected`,
    sentence: (p) =>
      `You chose not to allow access, so nothing was shared. Press “Connect ${p}” whenever you are ready.`,
  },
  authorize_failed: {
    title: (p) => `${p} could not finish signing you in`,
    sentence: (p) => `${p} stopped the sign-in. Try again; if it keeps happening, tell the person who invited you.`,
  },
  missing_state: {
    refusedWith: 400,
    title: () => "This sign-in link has expired",
    sentence: (p) =>
      "It was already used or is more than 30 minutes old. " +
      `Go back to your connections and press “Connect ${p}” to start again.`,
  },
  link_expired: {
    refusedWith: 400,
    title: () => "This sign-in link has expired",
    sentence: (p) =>
      "It was already used or is more than 30 minutes old. " +
      `Go back to your connections and press “Connect ${p}” to start again.`,
  },
  mismatch: {
    refusedWith: 403,
    title: () => "This sign-in belongs to another session",
    sentence: () =>
      "It was started in another browser, by another account or for another provider. " +
      "Go back to your connections and start again here.",
  },
  signed_out: {
    refusedWith: 401,
    title: () => "You are signed out",
    sentence: () => "Open the invite link you were sent to sign in again, then connect your account.",
  },
  exchange_failed: {
    title: (p) => `${p} did not accept the sign-in`,
    sentence: (p) => `This happens when a sign-in takes too long or is used twice. Press “Connect ${p}” to try again.`,
  },
  // Not JSON, not an object, an unknown token_type, a redirect, or far too large: nothing in it is used.
  bad_token_response: {
    title: (p) => `${p} sent an answer Headland cannot read`,
    sentence: (p) =>
      `Nothing was saved. Press “Connect ${p}” to try again; if it keeps happening, tell the person who invited you.`,
  },
  no_refresh_token: {
    title: (p) => `${p} did not grant ongoing access`,
    sentence: (p) =>
      `Headland needs permission to keep your data syncing. Try again and allow every permission ${p} asks for.`,
  },
  provider_unavailable: {
    title: (p) => `${p} is not answering`,
    sentence: () => "Nothing was saved. Try again in a few minutes.",
  },
  leaf_rejected: {
    title: (p) => `${p} could not be saved`,
    sentence: () =>
      "Our data partner refused the connection. " +
      "The people who invited you can see why; try again later or contact them.",
  },
} satisfies Record<string, Failure>;

export type ConnectErrorCode = keyof typeof failures;

export function isConnectErrorCode(value: unknown): value is ConnectErrorCode {
  return typeof value === "string" && Object.hasOwn(failures, value);
}

/** What happened and what to do next, for a connection attempt that ended badly. */
export function connectErrorMessage(code: ConnectErrorCode, providerName: string): { title: string; sentence: string } {
  const failure: Failure = failures[code];
  return { title: failure.title(providerName), sentence: failure.sentence(providerName) };
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
