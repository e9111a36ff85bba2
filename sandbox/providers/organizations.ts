import type { Sandbox } from "../context";
import { html, type Incoming, json, mediaType, type Reply, redirect } from "../http";
import { errorPage, messagePage, organizationsPage } from "../pages";
import type { Route } from "../router";
import type { Grant } from "./grants";
import { isAllowedReturnUri } from "./redirect-uris";
import { type ProviderSpec, registeredClient } from "./spec";

const axiom = "application/vnd.deere.axiom.v3+json";

/** The page where the grower picks organizations; Trimble Ag's names the client in its query, Deere's in its path. */
export function selectOrganizationsUrl(sandbox: Sandbox, spec: ProviderSpec, grant: Grant): string {
  const { selectPath, query } = spec.organizations!;
  const url = new URL(`${sandbox.url}${selectPath.replace("{clientId}", encodeURIComponent(grant.clientId))}`);
  if (query) url.searchParams.set(query.clientId, grant.clientId);
  return url.toString();
}

const returnParam = (spec: ProviderSpec) => spec.organizations!.query?.returnTo ?? "redirect_uri";

function apiError(status: number, message: string, headers: Record<string, string> = {}): Reply {
  return json(status, { errors: [{ message }] }, headers);
}

// GET {apiPath} (Deere's /platform/organizations) — until the grower picks organizations, each carries a
// `connections` link to the page where they do; the app must send them there.
function listOrganizations(spec: ProviderSpec, req: Incoming, sandbox: Sandbox): Reply {
  const bearer = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  const token = bearer ? sandbox.state.providers.liveToken(spec, bearer, "access") : undefined;
  if (!token)
    return apiError(401, "Invalid or expired access token", { "www-authenticate": 'Bearer error="invalid_token"' });
  if (!(req.headers.accept ?? "").includes(axiom)) return apiError(406, `Accept must be ${axiom}`);
  if (!token.scopes.includes("org1") && !token.scopes.includes("org2"))
    return apiError(403, "The org1 or org2 scope is required");
  const grant = sandbox.state.providers.grants.get(token.grantId)!;
  const unconnected = grant.selectedOrganizationIds.size === 0;
  const values = grant.organizations.map((org) => ({
    "@type": "Organization",
    id: org.id,
    name: org.name,
    type: "customer",
    member: true,
    links: [
      { rel: "self", uri: `${sandbox.url}${spec.organizations!.apiPath}/${org.id}` },
      ...(unconnected ? [{ rel: "connections", uri: selectOrganizationsUrl(sandbox, spec, grant) }] : []),
    ],
  }));
  const self = { rel: "self", uri: `${sandbox.url}${spec.organizations!.apiPath}` };
  return json(200, { links: [self], total: values.length, values }, { "content-type": `${axiom};charset=UTF-8` });
}

const rejected = (message: string) => html(400, errorPage("Cannot select organizations (sandbox)", message));

/** The grant the page is about: the one named in `grant`, else the client's newest consent. */
function findGrant(sandbox: Sandbox, clientId: string, grantId: string | null): Grant | undefined {
  const grant = grantId ? sandbox.state.providers.grants.get(grantId) : sandbox.state.providers.newestGrant(clientId);
  return grant?.clientId === clientId ? grant : undefined;
}

function readPageRequest(
  spec: ProviderSpec,
  req: Incoming,
  sandbox: Sandbox,
  params: URLSearchParams,
): { grant: Grant; returnUri: string | null } | Reply {
  const clientParam = spec.organizations!.query?.clientId;
  const client = registeredClient(spec, clientParam ? params.get(clientParam) : req.params.clientId);
  if (!client) return rejected(`This application is not registered with ${spec.name}.`);
  const returnUri = params.get(returnParam(spec));
  if (returnUri !== null && !isAllowedReturnUri(returnUri, sandbox.extraRedirectUris))
    return rejected(`The ${returnParam(spec)} is not allowed.`);
  const grant = findGrant(sandbox, client.clientId, params.get("grant"));
  if (!grant) return rejected(`There is no ${spec.name} consent for this application yet.`);
  return { grant, returnUri };
}

function showPage(spec: ProviderSpec, req: Incoming, sandbox: Sandbox): Reply {
  const found = readPageRequest(spec, req, sandbox, req.query);
  if ("status" in found) return found;
  const { grant, returnUri } = found;
  const organizations = grant.organizations.map((org) => ({
    ...org,
    selected: grant.selectedOrganizationIds.has(org.id),
  }));
  const clientParam = spec.organizations!.query?.clientId;
  const fields: [string, string][] = [
    ["grant", grant.id],
    ...(clientParam ? [[clientParam, grant.clientId] as [string, string]] : []),
    ...(returnUri ? [[returnParam(spec), returnUri] as [string, string]] : []),
  ];
  return html(200, organizationsPage({ action: req.path, organizations, fields }));
}

async function saveSelection(spec: ProviderSpec, req: Incoming, sandbox: Sandbox): Promise<Reply> {
  if (mediaType(req.headers) !== "application/x-www-form-urlencoded")
    return rejected("The form was not submitted as a form.");
  const form = new URLSearchParams(await req.text());
  const found = readPageRequest(spec, req, sandbox, form);
  if ("status" in found) return found;
  const { grant, returnUri } = found;
  const chosen = form.getAll("organization");
  if (chosen.some((id) => !grant.organizations.some((org) => org.id === id))) return rejected("Unknown organization.");
  grant.selectedOrganizationIds = new Set(chosen);
  // Without a way back (reached from Leaf's managementUri) there is nowhere to return to.
  return returnUri
    ? redirect(returnUri, 303)
    : html(200, messagePage("Organizations saved (sandbox)", "You can close this page."));
}

/** The provider's organizations API (Deere's) and the page where the grower picks what to share. */
export function organizationRoutes(spec: ProviderSpec): Route[] {
  if (!spec.organizations) return [];
  const { apiPath, selectPath } = spec.organizations;
  const api: Route[] = apiPath
    ? [
        {
          method: "GET",
          pattern: apiPath,
          name: `${spec.id}.organizations`,
          target: spec.id,
          handle: (req, sb) => listOrganizations(spec, req, sb),
        },
      ]
    : [];
  return [
    ...api,
    {
      method: "GET",
      pattern: selectPath,
      name: `${spec.id}.select-organizations`,
      handle: (req, sb) => showPage(spec, req, sb),
    },
    {
      method: "POST",
      pattern: selectPath,
      name: `${spec.id}.select-organizations.submit`,
      handle: (req, sb) => saveSelection(spec, req, sb),
    },
  ];
}
