import type { Route } from "../router";
import { decideConsent, showConsent } from "./authorize";
import { deereOrganizationRoutes } from "./deere-organizations";
import { johnDeereRoutes } from "./john-deere";
import { providerSpecs } from "./registry";
import type { ProviderSpec } from "./spec";
import { tokenEndpoint } from "./token-endpoint";
import { trimbleRoutes } from "./trimble";

// Consent pages are for people and never fault; the token endpoint is machine-to-machine and may.
function oauthRoutes(spec: ProviderSpec): Route[] {
  return [
    { method: "GET", pattern: spec.paths.authorize, name: `${spec.id}.authorize`, handle: (req, sb) => showConsent(spec, req, sb) },
    { method: "POST", pattern: spec.paths.authorize, name: `${spec.id}.authorize.decision`, handle: (req, sb) => decideConsent(spec, req, sb) },
    { method: "POST", pattern: spec.paths.token, name: `${spec.id}.token`, target: spec.id, handle: (req, sb) => tokenEndpoint(spec, req, sb) },
  ];
}

export const providerRoutes: Route[] = [...providerSpecs.flatMap(oauthRoutes), ...johnDeereRoutes, ...deereOrganizationRoutes, ...trimbleRoutes];
