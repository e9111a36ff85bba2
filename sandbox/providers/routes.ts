import type { Catalog } from "../catalog";
import type { Route } from "../router";
import { decideConsent, showConsent } from "./authorize";
import { discoveryRoutes } from "./discovery";
import { organizationRoutes } from "./organizations";
import type { ProviderSpec } from "./spec";
import { tokenEndpoint } from "./token-endpoint";

// Consent pages are for people and never fault; the token endpoint is machine-to-machine and may.
function oauthRoutes(spec: ProviderSpec): Route[] {
  return [
    {
      method: "GET",
      pattern: spec.paths.authorize,
      name: `${spec.id}.authorize`,
      handle: (req, sb) => showConsent(spec, req, sb),
    },
    {
      method: "POST",
      pattern: spec.paths.authorize,
      name: `${spec.id}.authorize.decision`,
      handle: (req, sb) => decideConsent(spec, req, sb),
    },
    {
      method: "POST",
      pattern: spec.paths.token,
      name: `${spec.id}.token`,
      target: spec.id,
      handle: (req, sb) => tokenEndpoint(spec, req, sb),
    },
  ];
}

export const providerRoutes = (catalog: Catalog): Route[] =>
  catalog.specs.flatMap((spec) => [...oauthRoutes(spec), ...discoveryRoutes(spec), ...organizationRoutes(spec)]);
