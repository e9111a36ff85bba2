import { z } from "zod";
import type { LeafClient } from "./client";
import { isLeafError } from "./errors";

// Leaf documents the route but no answer; this is the shape its docs describe: the organizations the
// grower shared with the client and the rest, each with the provider page where the grower changes that.
const organization = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  name: z
    .string()
    .nullish()
    .transform((name) => name ?? ""),
  managementUri: z
    .url({ protocol: /^https?$/ })
    .nullish()
    .catch(null),
});
const organizationList = z.looseObject({
  connected: z
    .array(organization)
    .nullish()
    .transform((list) => list ?? []),
  notConnected: z
    .array(organization)
    .nullish()
    .transform((list) => list ?? []),
});
export type LeafOrganizations = z.infer<typeof organizationList>;
export type LeafOrganization = LeafOrganizations["connected"][number];

/** `GET /users/{id}/organizations/{JohnDeere|Trimble}`; undefined when Leaf has none to list (404). */
export async function getOrganizations(
  leaf: LeafClient,
  leafUserId: string,
  leafName: string,
): Promise<LeafOrganizations | undefined> {
  const user = `/services/usermanagement/api/users/${encodeURIComponent(leafUserId)}`;
  const path = `${user}/organizations/${encodeURIComponent(leafName)}`;
  try {
    return (await leaf.request("GET", path, { schema: organizationList })).data;
  } catch (error) {
    if (isLeafError(error, "not_found")) return undefined;
    throw error;
  }
}

/** Where the grower chooses organizations: the first link Leaf gives, on an organization not yet shared. */
export function managementUriOf(organizations: LeafOrganizations): string | undefined {
  return (
    [...organizations.notConnected, ...organizations.connected].find((org) => org.managementUri)?.managementUri ??
    undefined
  );
}

/** A credential that shares nothing: there are organizations to choose, and none is chosen. */
export function sharesNothing(organizations: LeafOrganizations | undefined): boolean {
  return !!organizations && organizations.connected.length === 0 && organizations.notConnected.length > 0;
}
