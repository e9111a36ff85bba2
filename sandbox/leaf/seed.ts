import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Catalog } from "../catalog";
import type { ProviderSpec } from "../providers/spec";
import type { State } from "../store";
import type { CredentialKind } from "./kinds";
import { forceStatus } from "./validation";

// Bulk seeding for scale runs (`npm run sandbox:seed`, the dashboard bench): users, each with
// credentials already in a given status, without running 30,000 consent flows.

export const seedRequest = (catalog: Catalog) =>
  z.strictObject({
    users: z
      .array(
        z.strictObject({
          name: z.string().min(1),
          email: z.email(),
          externalId: z.string().min(1).optional(),
          /** Leaf's status string per credential kind, e.g. { "john-deere": "UNAUTHENTICATED" }. */
          credentials: z
            .partialRecord(z.enum(catalog.kinds.map((kind) => kind.id) as [string, ...string[]]), z.string().min(1))
            .default({}),
        }),
      )
      .min(1)
      .max(1000),
  });
export type SeedRequest = z.output<ReturnType<typeof seedRequest>>;

const secret = (prefix: string) => `${prefix}_seed_${randomBytes(18).toString("base64url")}`;

/** A body Leaf's POST would have accepted for this kind: the registered client's values, fresh tokens. */
function postedBody(kind: CredentialKind, spec: ProviderSpec): Record<string, string> {
  const body: Record<string, string> = {};
  const { fieldFor } = kind;
  if (fieldFor.clientId) body[fieldFor.clientId] = spec.client.clientId;
  if (fieldFor.clientSecret) body[fieldFor.clientSecret] = spec.client.clientSecret;
  if (fieldFor.accessToken) body[fieldFor.accessToken] = secret(`${spec.tokenPrefix}_at`);
  if (fieldFor.refreshToken) body[fieldFor.refreshToken] = secret(`${spec.tokenPrefix}_rt`);
  for (const [field, option] of Object.entries(kind.optionFields)) body[field] = spec.options[option] ?? "";
  return body;
}

/** Creates the users and their credentials; a status other than PROCESSING sticks, as a forced one does. */
export function seedUsers(state: State, request: SeedRequest): string[] {
  const now = state.clock.now();
  return request.users.map(({ credentials, ...user }) => {
    const created = state.leaf.users.add(user, now);
    for (const [kindId, status] of Object.entries(credentials)) {
      const kind = state.catalog.kind(kindId);
      const body = postedBody(kind, state.catalog.spec(kind.provider));
      if (!status || !kind.fieldFor.refreshToken) continue;
      for (const field of [kind.fieldFor.accessToken, kind.fieldFor.refreshToken])
        if (field) state.issued.add(body[field]!);
      const credential = state.leaf.credentials.replace(created.id, kind, body, now);
      // Seeded users were in this state already: nothing changed, so Leaf sends no alert.
      if (status !== "PROCESSING") forceStatus(state, credential, status, false);
    }
    return created.id;
  });
}
