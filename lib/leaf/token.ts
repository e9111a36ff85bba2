import { z } from "zod";

const authenticateResponse = z.object({ id_token: z.string().min(1) });
const jwtClaims = z.object({ exp: z.number().optional() });

/** Leaf tokens are JWTs; without a readable exp, assume the documented 30 days of rememberMe. */
function tokenExpiry(token: string, now: number): number {
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"));
    const exp = jwtClaims.parse(payload).exp;
    if (exp) return exp * 1000;
  } catch {
    // not a JWT: fall through
  }
  return now + 30 * 24 * 3600 * 1000;
}

export interface TokenSource {
  get(): Promise<string>;
  /** Forget a token Leaf refused, so the next get() authenticates again. */
  invalidate(token: string): void;
}

export function staticToken(token: string): TokenSource {
  return { get: async () => token, invalidate: () => {} };
}

type Authenticate = () => Promise<Response>;

/**
 * Username/password authentication: one token shared by every request, renewed ahead of its expiry
 * (a margin of 5 minutes or half its life, whichever is shorter) and at most one renewal in flight.
 */
export function passwordToken(authenticate: Authenticate, now: () => number = Date.now): TokenSource {
  let current: { token: string; renewAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  async function renew(): Promise<string> {
    const response = await authenticate();
    if (!response.ok)
      throw Object.assign(new Error(`Leaf authenticate answered ${response.status}`), { status: response.status });
    const { id_token: token } = authenticateResponse.parse(await response.json());
    const issuedAt = now();
    const lifetime = Math.max(0, tokenExpiry(token, issuedAt) - issuedAt);
    current = { token, renewAt: issuedAt + lifetime - Math.min(5 * 60_000, lifetime / 2) };
    return token;
  }

  return {
    async get() {
      if (current && now() < current.renewAt) return current.token;
      inFlight ??= renew().finally(() => (inFlight = undefined));
      return inFlight;
    },
    invalidate(token) {
      if (current?.token === token) current = undefined;
    },
  };
}
