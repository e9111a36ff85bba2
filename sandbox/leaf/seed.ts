import { randomBytes } from "node:crypto";
import { z } from "zod";
import { sandboxClients } from "../accounts";
import type { State } from "../store";
import { credentialKindIds, type CredentialKindId } from "./kinds";
import { forceStatus } from "./validation";

// Bulk seeding for scale runs (`npm run sandbox:seed`, the dashboard bench): users, each with
// credentials already in a given status, without running 30,000 consent flows.

export const seedRequest = z.strictObject({
  users: z.array(z.strictObject({
    name: z.string().min(1),
    email: z.email(),
    externalId: z.string().min(1).optional(),
    /** Leaf's status string per credential kind, e.g. { "john-deere": "UNAUTHENTICATED" }. */
    credentials: z.partialRecord(z.enum(credentialKindIds), z.string().min(1)).default({}),
  })).min(1).max(1000),
});
export type SeedRequest = z.output<typeof seedRequest>;

const secret = (prefix: string) => `${prefix}_seed_${randomBytes(18).toString("base64url")}`;

/** A body Leaf's POST would have accepted for this kind, with fresh token values. */
function postedBody(kind: CredentialKindId): Record<string, string> {
  switch (kind) {
    case "climate-field-view": {
      const c = sandboxClients["climate-fieldview"];
      return { clientId: c.clientId, clientSecret: c.clientSecret, apiKey: c.apiKey, refreshToken: secret("cfv_rt") };
    }
    case "john-deere": {
      const c = sandboxClients["john-deere"];
      return { clientKey: c.clientId, clientSecret: c.clientSecret, accessToken: secret("jd_at"), refreshToken: secret("jd_rt"), clientEnvironment: "STAGE" };
    }
    case "trimble": {
      const c = sandboxClients.trimble;
      return { clientId: c.clientId, clientSecret: c.clientSecret, refreshToken: secret("trm_rt") };
    }
  }
}

/** Creates the users and their credentials; a status other than PROCESSING sticks, as a forced one does. */
export function seedUsers(state: State, request: SeedRequest): string[] {
  const now = state.clock.now();
  return request.users.map(({ credentials, ...user }) => {
    const created = state.leaf.users.add(user, now);
    for (const [kind, status] of Object.entries(credentials) as [CredentialKindId, string][]) {
      const body = postedBody(kind);
      for (const [field, value] of Object.entries(body)) if (/Token$/.test(field)) state.issued.add(value);
      const credential = state.leaf.credentials.replace(created.id, kind, body, now);
      if (status !== "PROCESSING") forceStatus(state, credential, status);
    }
    return created.id;
  });
}
