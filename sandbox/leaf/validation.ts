import type { Grant, TokenSet } from "../providers/grants";
import { registeredClient } from "../providers/spec";
import { sameSecret } from "../secrets";
import type { State } from "../store";
import type { StoredCredential } from "./credentials";

type Verdict = { tokens: TokenSet } | { statusCode: number; body: Record<string, string> };

/** What Leaf learns from the provider when it first uses the credential: the same checks a token call makes. */
function tryWithProvider(state: State, credential: StoredCredential): Verdict {
  const kind = state.catalog.kind(credential.kind);
  const spec = state.catalog.spec(kind.provider);
  const posted = credential.posted;
  const client = registeredClient(spec, posted[kind.fieldFor.clientId ?? ""]);
  if (!client || !sameSecret(posted[kind.fieldFor.clientSecret ?? ""] ?? "", client.clientSecret)) {
    return { statusCode: 401, body: { error: "invalid_client", error_description: "Client authentication failed" } };
  }
  for (const [field, option] of Object.entries(kind.secretFields)) {
    if (!sameSecret(posted[field] ?? "", client.secrets[option] ?? ""))
      return { statusCode: 403, body: { message: `The ${field} is not valid for this client` } };
  }
  // In process rather than over HTTP: Leaf's own refreshes must not show up in the app's call counts or faults.
  const refreshed = state.providers.refresh(spec, client.clientId, credential.refreshToken, null);
  if ("error" in refreshed)
    return { statusCode: 400, body: { error: refreshed.error, error_description: refreshed.description } };
  return { tokens: refreshed };
}

/** A grant with organizations to share (Deere's) is of no use until the grower has shared one. */
function grantStatus(grant: Grant): [status: string, statusCode: number, body: Record<string, string>] {
  if (grant.organizations.length && !grant.selectedOrganizationIds.size) {
    return ["MISSING_PERMISSION", 403, { message: "No organization is shared with this client" }];
  }
  return ["OK", 200, { message: "Credentials validated" }];
}

/** Leaf's background validation after a POST. Climate and Trimble rotate: Leaf now holds a new refresh token. */
export function validateCredential(state: State, credential: StoredCredential): void {
  const verdict = tryWithProvider(state, credential);
  const now = state.clock.now();
  if (!("tokens" in verdict)) {
    state.leaf.credentials.record(credential, "UNAUTHENTICATED", verdict.statusCode, verdict.body, now);
    return;
  }
  const { tokens } = verdict;
  credential.accessToken = tokens.accessToken;
  credential.refreshToken = tokens.refreshToken ?? credential.refreshToken;
  credential.scopes = tokens.scopes;
  credential.grantId = tokens.grant.id;
  credential.followsGrant = true;
  state.leaf.credentials.record(credential, ...grantStatus(tokens.grant), now);
}

/**
 * Brings the status up to date before it is read, as Leaf's background checks would have: organizations
 * shared since (MISSING_PERMISSION -> OK) or the grant revoked or expired at the provider (-> UNAUTHENTICATED).
 */
export function syncWithGrant(state: State, credential: StoredCredential): void {
  if (!credential.followsGrant || !credential.grantId) return;
  const spec = state.catalog.spec(state.catalog.kind(credential.kind).provider);
  const now = state.clock.now();
  const credentials = state.leaf.credentials;
  if (!state.providers.liveToken(spec, credential.refreshToken, "refresh")) {
    credential.followsGrant = false;
    const body = { error: "invalid_grant", error_description: "The refresh token is invalid, expired or revoked" };
    credentials.record(credential, "UNAUTHENTICATED", 400, body, now);
    return;
  }
  const [status, statusCode, body] = grantStatus(state.providers.grants.get(credential.grantId)!);
  if (status !== credential.status) credentials.record(credential, status, statusCode, body, now);
}

/** The grower revoked Headland at the provider. */
export function revokeCredential(state: State, credential: StoredCredential): void {
  state.leaf.credentials.cancelValidation(credential);
  state.providers.revokeGrantOf(credential.refreshToken);
  credential.followsGrant = false;
  const body = { error: "invalid_grant", error_description: "Refresh token revoked by the user" };
  state.leaf.credentials.record(credential, "UNAUTHENTICATED", 401, body, state.clock.now());
}

const forcedStatusCodes: Record<string, number> = {
  UNAUTHENTICATED: 401,
  MISSING_PERMISSION: 403,
  TEMPORARILY_UNAVAILABLE: 503,
};

/** A status set by a test; it sticks until the next POST. A seeded one (`announce` false) sends no alert. */
export function forceStatus(state: State, credential: StoredCredential, status: string, announce = true): void {
  state.leaf.credentials.cancelValidation(credential);
  credential.followsGrant = false;
  state.leaf.credentials.record(
    credential,
    status,
    forcedStatusCodes[status] ?? 200,
    { message: `Status changed to ${status}` },
    state.clock.now(),
    announce,
  );
}
