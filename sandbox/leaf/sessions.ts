import type { Clock } from "../clock";
import { signHs256 } from "../jwt";

const DAY = 86_400;

/** Leaf's API tokens: JWTs this instance signed, valid until they expire or a test expires them all. */
export class LeafSessions {
  /** Token -> expiry (ms). Only tokens in here are accepted, so another instance's tokens never are. */
  private readonly live = new Map<string, number>();
  /** Set by `/_sandbox/leaf/token-ttl` to test renewal before expiry. */
  ttlOverrideSeconds: number | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly issued: Set<string>,
  ) {}

  // Leaf documents 30 days with rememberMe and 24 hours without.
  issue(subject: string, rememberMe: boolean, key: Buffer): string {
    const iat = Math.floor(this.clock.now() / 1000);
    const exp = iat + (this.ttlOverrideSeconds ?? (rememberMe ? 30 * DAY : DAY));
    const token = signHs256({ sub: subject, auth: "ROLE_USER", iat, exp }, key);
    this.live.set(token, exp * 1000);
    this.issued.add(token);
    return token;
  }

  isLive(token: string): boolean {
    const expiresAt = this.live.get(token);
    return expiresAt !== undefined && expiresAt > this.clock.now();
  }

  expireAll(): void {
    this.live.clear();
  }

  /** Token -> expiry (ms), for the saved state. */
  entries(): [string, number][] {
    return [...this.live];
  }

  restore(entries: [string, number][], ttlOverrideSeconds: number | undefined): void {
    for (const [token, expiresAt] of entries) this.live.set(token, expiresAt);
    this.ttlOverrideSeconds = ttlOverrideSeconds;
  }
}
