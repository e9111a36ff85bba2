import { randomInt, randomUUID } from "node:crypto";
import type { Clock } from "../clock";
import { randomSecret } from "../secrets";
import { verifierMatches } from "./pkce";
import type { ProviderSpec } from "./spec";

export interface Organization {
  id: string;
  name: string;
}

/** One grower's consent to one client: what the tokens are for. */
export interface Grant {
  id: string;
  provider: string;
  clientId: string;
  /** The grower's account at the provider. */
  subject: string;
  scopes: string[];
  organizations: Organization[];
  selectedOrganizationIds: Set<string>;
}

export interface AuthorizationCode {
  grantId: string;
  clientId: string;
  redirectUri: string;
  challenge?: string;
  nonce?: string;
  expiresAt: number;
  used: boolean;
}

export interface IssuedToken {
  kind: "access" | "refresh";
  provider: string;
  grantId: string;
  clientId: string;
  /** The code the token descends from, so redeeming that code twice can revoke them all. */
  family: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
}

export interface TokenSet {
  grant: Grant;
  accessToken: string;
  expiresIn: number;
  refreshToken?: string;
  scopes: string[];
  nonce?: string;
}

/** RFC 6749 §5.2. */
export interface OAuthError {
  error: "invalid_request" | "invalid_grant" | "invalid_scope";
  description: string;
}

const invalidGrant = (description: string): OAuthError => ({ error: "invalid_grant", description });

export interface Redemption {
  code: string;
  redirectUri: string;
  verifier: string | null;
}

/** What a ProviderStore holds, as plain data for the saved state. */
export interface ProviderMemory {
  grants: (Omit<Grant, "selectedOrganizationIds"> & { selectedOrganizationIds: string[] })[];
  codes: [string, AuthorizationCode][];
  tokens: [string, IssuedToken][];
  newestGrantByClient: [string, string][];
}

/** The three simulated authorization servers' memory: grants, codes and tokens. */
export class ProviderStore {
  readonly grants = new Map<string, Grant>();
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly newestGrantByClient = new Map<string, string>();

  constructor(
    private readonly clock: Clock,
    private readonly issued: Set<string>,
  ) {}

  createGrant(spec: ProviderSpec, clientId: string, scopes: string[]): Grant {
    const organizations = (spec.organizations?.names ?? []).map((name) => ({
      id: String(randomInt(100_000, 1_000_000)),
      name,
    }));
    const grant = {
      id: randomUUID(),
      provider: spec.id,
      clientId,
      subject: randomUUID(),
      scopes,
      organizations,
      selectedOrganizationIds: new Set<string>(),
    };
    this.grants.set(grant.id, grant);
    this.newestGrantByClient.set(clientId, grant.id);
    return grant;
  }

  memory(): ProviderMemory {
    return {
      grants: [...this.grants.values()].map((g) => ({ ...g, selectedOrganizationIds: [...g.selectedOrganizationIds] })),
      codes: [...this.codes],
      tokens: [...this.tokens],
      newestGrantByClient: [...this.newestGrantByClient],
    };
  }

  restore(memory: ProviderMemory): void {
    for (const g of memory.grants)
      this.grants.set(g.id, { ...g, selectedOrganizationIds: new Set(g.selectedOrganizationIds) });
    for (const [value, code] of memory.codes) this.codes.set(value, code);
    for (const [value, token] of memory.tokens) this.tokens.set(value, token);
    for (const [clientId, grantId] of memory.newestGrantByClient) this.newestGrantByClient.set(clientId, grantId);
  }

  newestGrant(clientId: string): Grant | undefined {
    return this.grants.get(this.newestGrantByClient.get(clientId) ?? "");
  }

  issueCode(
    spec: ProviderSpec,
    grant: Grant,
    redirectUri: string,
    extras: { challenge?: string; nonce?: string },
  ): string {
    const code = this.remember(`${spec.tokenPrefix}_code_`);
    const expiresAt = this.clock.now() + spec.lifetimes.codeSeconds * 1000;
    this.codes.set(code, {
      grantId: grant.id,
      clientId: grant.clientId,
      redirectUri,
      ...extras,
      expiresAt,
      used: false,
    });
    return code;
  }

  /** RFC 6749 §4.1.3 and RFC 7636 §4.6. Any attempt spends the code; a second one revokes its tokens. */
  redeemCode(spec: ProviderSpec, clientId: string, input: Redemption): TokenSet | OAuthError {
    const code = this.codes.get(input.code);
    if (!code || code.clientId !== clientId) return invalidGrant("The authorization code is invalid");
    if (code.used) {
      this.revokeWhere((token) => token.family === input.code);
      return invalidGrant("The authorization code was already used; tokens issued from it are revoked");
    }
    code.used = true;
    if (code.expiresAt <= this.clock.now()) return invalidGrant("The authorization code has expired");
    if (code.redirectUri !== input.redirectUri)
      return invalidGrant("redirect_uri does not match the authorization request");
    if (code.challenge && !input.verifier) return invalidGrant("code_verifier is required");
    if (code.challenge && !verifierMatches(input.verifier ?? "", code.challenge))
      return invalidGrant("code_verifier does not match the code_challenge");
    if (!code.challenge && input.verifier)
      return invalidGrant("code_verifier sent for a code issued without code_challenge");
    const grant = this.grants.get(code.grantId)!;
    return { ...this.issueTokens(spec, grant, input.code, grant.scopes, grant.scopes), nonce: code.nonce };
  }

  /** RFC 6749 §6: a narrower `scope` narrows the access token; a rotated refresh token keeps the original scope. */
  refresh(spec: ProviderSpec, clientId: string, refreshToken: string, scope: string | null): TokenSet | OAuthError {
    const token = this.liveToken(spec, refreshToken, "refresh");
    if (!token || token.clientId !== clientId) return invalidGrant("The refresh token is invalid, expired or revoked");
    const requested = scope === null ? token.scopes : scope.split(" ").filter(Boolean);
    if (requested.some((s) => !token.scopes.includes(s)))
      return { error: "invalid_scope", description: "scope exceeds the original grant" };
    const grant = this.grants.get(token.grantId)!;
    if (!spec.rotatesRefreshToken) {
      const accessToken = this.mint(spec, "access", grant, token.family, requested);
      return { grant, accessToken, expiresIn: spec.lifetimes.accessTokenSeconds, refreshToken, scopes: requested };
    }
    token.revoked = true;
    return this.issueTokens(spec, grant, token.family, requested, token.scopes);
  }

  /** A token that is still good: known, not revoked, not expired. */
  liveToken(spec: ProviderSpec, value: string, kind: IssuedToken["kind"]): IssuedToken | undefined {
    const token = this.tokens.get(value);
    const live =
      token &&
      token.provider === spec.id &&
      token.kind === kind &&
      !token.revoked &&
      token.expiresAt > this.clock.now();
    return live ? token : undefined;
  }

  /** Refresh tokens issued under a grant, first-issued first: the first is the code exchange's, what the client got. */
  refreshTokensOf(grantId: string): string[] {
    return [...this.tokens]
      .filter(([, token]) => token.grantId === grantId && token.kind === "refresh")
      .map(([value]) => value);
  }

  /** The grower withdrew consent at the provider: nothing issued under the grant works any more. */
  revokeGrant(grantId: string): void {
    this.revokeWhere((token) => token.grantId === grantId);
  }

  /** Revokes the whole grant a token was issued under (a grower withdrawing consent, seen from one token). */
  revokeGrantOf(value: string): void {
    const token = this.tokens.get(value);
    if (token) this.revokeGrant(token.grantId);
  }

  private revokeWhere(matches: (token: IssuedToken) => boolean): void {
    for (const token of this.tokens.values()) if (matches(token)) token.revoked = true;
  }

  private issueTokens(
    spec: ProviderSpec,
    grant: Grant,
    family: string,
    scopes: string[],
    refreshScopes: string[],
  ): TokenSet {
    const accessToken = this.mint(spec, "access", grant, family, scopes);
    const refreshToken = spec.issuesRefreshToken(refreshScopes)
      ? this.mint(spec, "refresh", grant, family, refreshScopes)
      : undefined;
    return { grant, accessToken, expiresIn: spec.lifetimes.accessTokenSeconds, refreshToken, scopes };
  }

  private mint(spec: ProviderSpec, kind: IssuedToken["kind"], grant: Grant, family: string, scopes: string[]): string {
    const value = this.remember(`${spec.tokenPrefix}_${kind === "access" ? "at" : "rt"}_`);
    const lifetime = kind === "access" ? spec.lifetimes.accessTokenSeconds : spec.lifetimes.refreshTokenSeconds;
    this.tokens.set(value, {
      kind,
      provider: spec.id,
      grantId: grant.id,
      clientId: grant.clientId,
      family,
      scopes,
      expiresAt: this.clock.now() + lifetime * 1000,
      revoked: false,
    });
    return value;
  }

  private remember(prefix: string): string {
    const secret = randomSecret(prefix);
    this.issued.add(secret);
    return secret;
  }
}
