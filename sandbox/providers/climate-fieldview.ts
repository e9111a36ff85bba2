import type { ProviderSpec } from "./spec";
import { subsetOf } from "./spec";

// The write scopes need Climate's approval; the sandbox client has it, so all ten are grantable.
const scopes = [
  "asHarvested:read", "asPlanted:read", "asApplied:read", "fields:read", "resourceOwners:read", "farmOrganizations:read",
  "fields:write", "rx:write", "soil:write", "imagery:write",
];

export const climateFieldView: ProviderSpec = {
  id: "climate-fieldview",
  name: "Climate FieldView",
  tokenPrefix: "cfv",
  paths: { authorize: "/climate/static/app-login/index.html", token: "/climate/api/oauth/token" },
  scopeError: subsetOf(scopes),
  // Climate's login page is a single-page app that shows the OAuth flow only with this parameter.
  requiredAuthorizeParams: { page: "oidcauthn" },
  pkce: "optional",
  // Codes live about a minute; refresh tokens 30 days and rotate on every use.
  lifetimes: { codeSeconds: 60, accessTokenSeconds: 4 * 3600, refreshTokenSeconds: 30 * 86400 },
  rotatesRefreshToken: true,
  issuesRefreshToken: () => true,
};
