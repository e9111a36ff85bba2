import * as oauth from "oauth4webapi";
import { config } from "@/lib/config";
import { ConnectError } from "@/lib/connect/connect-error";
import type { Provider, ProviderSettings, TokenSet } from "@/lib/providers/types";
import { ResponseTooLargeError } from "./bounded-fetch";
import { oauthClientFor } from "./client";

export interface ExchangeInput {
  callbackParams: URLSearchParams;
  state: string;
  codeVerifier?: string;
  redirectUri: string;
}

/** The authorization response's own verdict: the grower's denial or the provider's error. */
function checkAuthResponse(settings: ProviderSettings, input: ExchangeInput): URLSearchParams {
  const { as, client } = oauthClientFor(settings);
  try {
    return oauth.validateAuthResponse(as, client, input.callbackParams, input.state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      throw new ConnectError(error.error === "access_denied" ? "access_denied" : "authorize_failed", error.error);
    }
    throw new ConnectError("mismatch", (error as Error).message);
  }
}

const unreadable = new Set([oauth.RESPONSE_IS_NOT_JSON, oauth.PARSE_ERROR, oauth.INVALID_RESPONSE]);

/**
 * An answer that is no token response at all: not JSON, not an object, an unknown token_type, a redirect,
 * too large.
 */
function unreadableAnswer(error: unknown): boolean {
  if (error instanceof ResponseTooLargeError || error instanceof oauth.UnsupportedOperationError) return true;
  if (!(error instanceof oauth.OperationProcessingError)) return false;
  const redirected = error.cause instanceof Response && error.cause.status >= 300 && error.cause.status < 400;
  return redirected || unreadable.has(error.code as string);
}

function exchangeFailure(error: unknown): ConnectError {
  if (error instanceof ConnectError) return error;
  if (unreadableAnswer(error)) return new ConnectError("bad_token_response", (error as Error).message);
  if (error instanceof oauth.ResponseBodyError) {
    return new ConnectError(error.status >= 500 ? "provider_unavailable" : "exchange_failed", error.error);
  }
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Response && cause.status >= 500)
    return new ConnectError("provider_unavailable", `token endpoint answered ${cause.status}`);
  // A 401 invalid_client with WWW-Authenticate: the provider refused our client, not a passing outage.
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    return new ConnectError(error.status >= 500 ? "provider_unavailable" : "exchange_failed", "client refused");
  }
  if (error instanceof oauth.OperationProcessingError) return new ConnectError("exchange_failed", error.message);
  // Timeouts and network failures: the provider did not answer.
  return new ConnectError("provider_unavailable", (error as Error).name);
}

/**
 * Trades the code for tokens, once. Never retried: a code redeemed twice lets the provider revoke every
 * token issued from it (RFC 6749 §4.1.2), so any failure means a fresh consent.
 */
export async function exchangeCode(
  provider: Provider,
  settings: ProviderSettings,
  input: ExchangeInput,
): Promise<TokenSet> {
  const params = checkAuthResponse(settings, input);
  const { as, client, clientAuth, requestOptions } = oauthClientFor(settings);
  let body: oauth.TokenEndpointResponse;
  try {
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      clientAuth,
      params,
      input.redirectUri,
      input.codeVerifier ?? oauth.nopkce,
      {
        ...requestOptions,
        signal: AbortSignal.timeout(config().providerTimeoutMs),
      },
    );
    body = await oauth.processAuthorizationCodeResponse(as, client, response);
  } catch (error) {
    throw exchangeFailure(error);
  }
  const tokens = provider.tokenSchema.safeParse(body);
  if (!tokens.success) {
    const missingRefresh = !body.refresh_token;
    throw new ConnectError(missingRefresh ? "no_refresh_token" : "exchange_failed", "token response failed validation");
  }
  return tokens.data;
}
