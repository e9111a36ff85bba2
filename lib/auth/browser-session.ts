// next-auth's own endpoints, called with fetch from the browser: what next-auth/react's signIn and signOut
// do, without its client (about 12 kB gzip on every page that imports it, a third of what a grower's phone
// loads beyond Next itself). The CSRF token is the double-submit one GET /api/auth/csrf answers with (it
// sets the cookie half too); `json=true` makes next-auth answer {url} instead of redirecting, so a page can
// say what went wrong in place.

export interface AuthOutcome {
  ok: boolean;
  /** next-auth's code (`CredentialsSignin`) or the message a provider's authorize threw (`rate_limited`). */
  error?: string;
  /** Where next-auth would have redirected the browser. */
  url?: string;
}

async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { cache: "no-store" });
  const { csrfToken } = (await response.json().catch(() => ({}))) as { csrfToken?: unknown };
  if (typeof csrfToken !== "string") throw new Error(`next-auth's csrf endpoint answered ${response.status}`);
  return csrfToken;
}

async function postToAuth(path: string, fields: Record<string, string>): Promise<AuthOutcome> {
  const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" });
  const response = await fetch(`/api/auth/${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  const { url } = (await response.json().catch(() => ({}))) as { url?: unknown };
  if (typeof url !== "string") return { ok: false, error: `http_${response.status}` };
  // A failure is a redirect to the error page (our /signin) with ?error=; the base only lets a relative URL parse.
  const error = new URL(url, "http://localhost").searchParams.get("error") ?? undefined;
  return { ok: response.ok && !error, error, url };
}

/**
 * Signs in with a credentials provider (staff password, grower invite) and stays on the page. Pass a
 * callbackUrl without an `error` parameter: the answer's URL is read for one.
 */
export function signInWithCredentials(
  provider: string,
  fields: Record<string, string>,
  callbackUrl: string,
): Promise<AuthOutcome> {
  return postToAuth(`callback/${encodeURIComponent(provider)}`, { ...fields, callbackUrl });
}

/** Ends this browser's session on the server (next-auth's signOut event ends its row) and stays on the page. */
export async function signOutInPlace(callbackUrl: string): Promise<AuthOutcome> {
  return postToAuth("signout", { callbackUrl });
}

/** Starts an OAuth or OpenID provider's sign-in: a full-page trip to the authorize URL next-auth answers with. */
export async function startProviderSignIn(provider: string, callbackUrl: string): Promise<void> {
  const { url } = await postToAuth(`signin/${encodeURIComponent(provider)}`, { callbackUrl });
  window.location.assign(url ?? callbackUrl);
}
