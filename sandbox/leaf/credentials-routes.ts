import type { Catalog } from "../catalog";
import type { Sandbox } from "../context";
import { Halt, type Incoming, json, noContent } from "../http";
import { selectOrganizationsUrl } from "../providers/organizations";
import type { Route } from "../router";
import { credentialView, type StoredCredential } from "./credentials";
import type { CredentialKind } from "./kinds";
import { notFound, parseOrHalt, readJson } from "./problem";
import { leafRoute, USERS } from "./route";
import { syncWithGrant, validateCredential } from "./validation";

function requireUser(req: Incoming, sandbox: Sandbox): string {
  const id = req.params.id!;
  if (!sandbox.state.leaf.users.get(id)) throw new Halt(notFound(`No user with id ${id}`));
  return id;
}

/** The user's credential of this kind, brought up to date, or a 404. */
function requireCredential(req: Incoming, sandbox: Sandbox, kind: string): StoredCredential {
  const credential = sandbox.state.leaf.credentials.get(requireUser(req, sandbox), kind);
  if (!credential) throw new Halt(notFound(`The user has no ${kind} credentials`));
  syncWithGrant(sandbox.state, credential);
  return credential;
}

function routesFor(kind: CredentialKind): Route[] {
  const base = `${USERS}/{id}/${kind.id}-credentials`;
  const routes = [
    leafRoute("GET", base, (req, sandbox) => json(200, credentialView(requireCredential(req, sandbox, kind.id)))),
    leafRoute("POST", base, async (req, sandbox) => {
      const userId = requireUser(req, sandbox);
      const raw = await readJson(req);
      // Validated, but stored as sent: tests compare the exact body the app posted.
      parseOrHalt(kind.body, raw);
      const { state, processingDelayMs } = sandbox;
      const credential = state.leaf.credentials.replace(userId, kind, raw as Record<string, string>, state.clock.now());
      state.leaf.credentials.scheduleValidation(credential, processingDelayMs, () =>
        validateCredential(state, credential),
      );
      return json(201, credentialView(credential));
    }),
    leafRoute("DELETE", base, (req, sandbox) => {
      const removed = sandbox.state.leaf.credentials.remove(requireUser(req, sandbox), kind.id);
      return removed ? noContent() : notFound(`The user has no ${kind.id} credentials`);
    }),
    // Newest first; the log goes with the credential when it is deleted or replaced.
    leafRoute("GET", `${base}/events`, (req, sandbox) =>
      json(200, requireCredential(req, sandbox, kind.id).events.toReversed()),
    ),
  ];
  if (kind.hasStatusRoute) {
    routes.push(
      leafRoute("GET", `${base}/status`, (req, sandbox) =>
        json(200, { status: requireCredential(req, sandbox, kind.id).status }),
      ),
    );
  }
  return routes;
}

// GET …/organizations/{JohnDeere|Trimble} — the organizations the grower shared with the client, and the rest.
const organizationsRoute = (kind: CredentialKind, name: string) =>
  leafRoute("GET", `${USERS}/{id}/organizations/${name}`, (req, sandbox) => {
    const credential = requireCredential(req, sandbox, kind.id);
    const grant = sandbox.state.providers.grants.get(credential.grantId ?? "");
    const spec = sandbox.catalog.spec(kind.provider);
    if (!grant || !spec.organizations) return json(200, { connected: [], notConnected: [] });
    const management = new URL(selectOrganizationsUrl(sandbox, spec, grant));
    management.searchParams.set("grant", grant.id);
    const managementUri = management.toString();
    const listed = (connected: boolean) =>
      grant.organizations
        .filter((org) => grant.selectedOrganizationIds.has(org.id) === connected)
        .map((org) => ({ ...org, managementUri }));
    return json(200, { connected: listed(true), notConnected: listed(false) });
  });

export const credentialRoutes = (catalog: Catalog): Route[] => [
  ...catalog.kinds.flatMap(routesFor),
  ...catalog.kinds.flatMap((kind) => (kind.organizations ? [organizationsRoute(kind, kind.organizations)] : [])),
];
