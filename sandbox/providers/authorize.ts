import type { Sandbox } from "../context";
import { html, type Incoming, mediaType, type Reply, redirect, repeatedNames, withQuery } from "../http";
import { consentPage, errorPage } from "../pages";
import { issuer } from "./discovery";
import { readPkce } from "./pkce";
import { isRegisteredRedirectUri } from "./redirect-uris";
import { type ProviderSpec, registeredClient } from "./spec";

interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  scopes: string[];
  challenge?: string;
  nonce?: string;
}

type Checked =
  | { kind: "ok"; request: AuthorizeRequest }
  /** The client or redirect URI is not trusted: show an error page, never redirect (RFC 6749 §4.1.2.1). */
  | { kind: "page"; message: string }
  /** Anything else goes back to the client as `error` parameters on its redirect URI. */
  | { kind: "redirect"; reply: Reply };

/** Back to the client with these parameters, plus `iss` where the provider sends it (RFC 9207 §2: errors too). */
function authorizationResponse(
  spec: ProviderSpec,
  sandbox: Sandbox,
  redirectUri: string,
  params: Record<string, string | undefined>,
): Reply {
  return redirect(withQuery(redirectUri, { ...params, iss: spec.sendsIss ? issuer(sandbox, spec) : undefined }));
}

function errorRedirect(
  spec: ProviderSpec,
  sandbox: Sandbox,
  target: { redirectUri: string; state: string | null },
  error: string,
  description: string,
): Reply {
  return authorizationResponse(spec, sandbox, target.redirectUri, {
    error,
    error_description: description,
    state: target.state ?? undefined,
  });
}

/** The client and its redirect URI, checked first: only then may errors travel by redirect. */
function trustedTarget(
  spec: ProviderSpec,
  params: URLSearchParams,
  sandbox: Sandbox,
): { clientId: string; redirectUri: string } | { message: string } {
  const repeated = repeatedNames(params);
  const clientId = params.get("client_id");
  if (!clientId || !registeredClient(spec, clientId) || repeated.includes("client_id")) {
    return { message: `The application (client_id) is missing or not registered with ${spec.name}.` };
  }
  const redirectUri = params.get("redirect_uri");
  if (
    !redirectUri ||
    repeated.includes("redirect_uri") ||
    !isRegisteredRedirectUri(spec, redirectUri, sandbox.extraRedirectUris)
  ) {
    return { message: "The redirect_uri is missing or not registered for this application." };
  }
  return { clientId, redirectUri };
}

function checkRequest(spec: ProviderSpec, params: URLSearchParams, sandbox: Sandbox): Checked {
  const target = trustedTarget(spec, params, sandbox);
  if ("message" in target) return { kind: "page", message: target.message };
  const { clientId, redirectUri } = target;
  const state = params.get("state");
  const fail = (error: string, description: string): Checked => ({
    kind: "redirect",
    reply: errorRedirect(spec, sandbox, { redirectUri, state }, error, description),
  });
  const repeated = repeatedNames(params);
  if (repeated.length) return fail("invalid_request", `Repeated parameter: ${repeated.join(", ")}`);
  const responseType = params.get("response_type");
  if (!responseType) return fail("invalid_request", "response_type is required");
  if (responseType !== "code") return fail("unsupported_response_type", "Only response_type=code is supported");
  if (!state) return fail("invalid_request", "state is required");
  for (const [name, value] of Object.entries(spec.requiredAuthorizeParams ?? {})) {
    if (params.get(name) !== value) return fail("invalid_request", `${name}=${value} is required`);
  }
  const scopes = (params.get("scope") ?? "").split(" ").filter(Boolean);
  const scopeError = scopes.length ? spec.scopeError(scopes) : "scope is required";
  if (scopeError) return fail("invalid_scope", scopeError);
  const pkce = readPkce(params, spec.pkce === "required");
  if ("error" in pkce) return fail("invalid_request", pkce.error);
  return {
    kind: "ok",
    request: {
      clientId,
      redirectUri,
      state,
      scopes,
      challenge: pkce.challenge,
      nonce: params.get("nonce") ?? undefined,
    },
  };
}

const rejected = (message: string) => html(400, errorPage("Sign-in request rejected (sandbox)", message));

// GET: the consent page, carrying the original parameters so the decision can be checked again.
export function showConsent(spec: ProviderSpec, req: Incoming, sandbox: Sandbox): Reply {
  const checked = checkRequest(spec, req.query, sandbox);
  if (checked.kind === "page") return rejected(checked.message);
  if (checked.kind === "redirect") return checked.reply;
  const fields = [...req.query].filter(([name]) => name !== "decision");
  return html(
    200,
    consentPage({
      providerName: spec.name,
      clientId: checked.request.clientId,
      scopes: checked.request.scopes,
      action: spec.paths.authorize,
      fields,
    }),
  );
}

// POST: the grower's Allow or Deny. The posted parameters are untrusted and go through the same checks.
export async function decideConsent(spec: ProviderSpec, req: Incoming, sandbox: Sandbox): Promise<Reply> {
  if (mediaType(req.headers) !== "application/x-www-form-urlencoded")
    return rejected("The consent form was not submitted as a form.");
  const form = new URLSearchParams(await req.text());
  const decision = form.get("decision");
  form.delete("decision");
  const checked = checkRequest(spec, form, sandbox);
  if (checked.kind === "page") return rejected(checked.message);
  if (checked.kind === "redirect") return checked.reply;
  const { request } = checked;
  if (decision === "deny") return errorRedirect(spec, sandbox, request, "access_denied", "The user denied access");
  if (decision !== "allow") return rejected("Choose Allow or Deny.");
  const providers = sandbox.state.providers;
  const grant = providers.createGrant(spec, request.clientId, request.scopes);
  const code = providers.issueCode(spec, grant, request.redirectUri, {
    challenge: request.challenge,
    nonce: request.nonce,
  });
  return authorizationResponse(spec, sandbox, request.redirectUri, { code, state: request.state });
}
