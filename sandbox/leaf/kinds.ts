import { z } from "zod";
import type { SandboxProviderId } from "../accounts";
import type { RegisteredClient } from "../providers/spec";

const required = z
  .string({ error: (issue) => (issue.input === undefined || issue.input === null ? "is required" : "must be a string") })
  .min(1, "must not be empty");

export interface CredentialKind {
  provider: SandboxProviderId;
  /** The body Leaf accepts, exactly as its docs list it: unknown fields are refused. */
  body: z.ZodType<Record<string, string>>;
  /** Which posted field names the provider's client. */
  clientIdField: string;
  /** Further posted values that must match the registered client (Climate's API key). */
  matchesClient?(posted: Record<string, string>, client: RegisteredClient): boolean;
  /** Deere alone has `/status` and Leaf's organizations listing. */
  hasStatusRoute: boolean;
}

export const credentialKinds = {
  "climate-field-view": {
    provider: "climate-fieldview",
    body: z.strictObject({ clientId: required, clientSecret: required, apiKey: required, refreshToken: required }),
    clientIdField: "clientId",
    matchesClient: (posted, client) => posted.apiKey === client.apiKey,
    hasStatusRoute: false,
  },
  // The seed shows accessToken; Leaf's Postman example leaves it out: both are accepted.
  "john-deere": {
    provider: "john-deere",
    body: z.strictObject({
      clientKey: required,
      clientSecret: required,
      refreshToken: required,
      clientEnvironment: z.enum(["STAGE", "PRODUCTION"], { error: "must be STAGE or PRODUCTION" }),
      accessToken: required.optional(),
    }),
    clientIdField: "clientKey",
    hasStatusRoute: true,
  },
  trimble: {
    provider: "trimble",
    body: z.strictObject({ clientId: required, clientSecret: required, refreshToken: required }),
    clientIdField: "clientId",
    hasStatusRoute: false,
  },
} satisfies Record<string, CredentialKind>;

export type CredentialKindId = keyof typeof credentialKinds;
export const credentialKindIds = Object.keys(credentialKinds) as CredentialKindId[];

export function kindOf(id: CredentialKindId): CredentialKind {
  return credentialKinds[id];
}
