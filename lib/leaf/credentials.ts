import { z } from "zod";
import type { LeafClient } from "./client";
import { isLeafError } from "./errors";

const userPath = (leafUserId: string) => `/services/usermanagement/api/users/${encodeURIComponent(leafUserId)}`;

/** A credential as Leaf returns it. It carries secrets and tokens: mask before it leaves the server. */
const leafCredential = z.looseObject({
  id: z.string().optional(),
  status: z.string().nullish(),
  createdTime: z.string().nullish(),
  scopes: z.union([z.array(z.string()), z.string()]).nullish(),
});
export type LeafCredential = z.infer<typeof leafCredential>;

const leafEvent = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  body: z.string().nullish(),
  headers: z.string().nullish(),
  statusCode: z.coerce.number().int().nullish(),
  createdDate: z.string(),
});
export type LeafEvent = z.infer<typeof leafEvent>;

export async function postCredentials(
  leaf: LeafClient,
  leafUserId: string,
  path: string,
  body: Record<string, string>,
): Promise<LeafCredential> {
  return (await leaf.request("POST", `${userPath(leafUserId)}/${path}`, { body, schema: leafCredential })).data;
}

/** The credential, or undefined when the grower has none for this provider. */
export async function getCredentials(
  leaf: LeafClient,
  leafUserId: string,
  path: string,
): Promise<LeafCredential | undefined> {
  try {
    return (await leaf.request("GET", `${userPath(leafUserId)}/${path}`, { schema: leafCredential })).data;
  } catch (error) {
    if (isLeafError(error, "not_found")) return undefined;
    throw error;
  }
}

/** Deleting what is already gone counts as done. */
export async function deleteCredentials(leaf: LeafClient, leafUserId: string, path: string): Promise<void> {
  try {
    await leaf.request("DELETE", `${userPath(leafUserId)}/${path}`, { schema: z.unknown() });
  } catch (error) {
    if (!isLeafError(error, "not_found")) throw error;
  }
}

export async function getCredentialEvents(leaf: LeafClient, leafUserId: string, path: string): Promise<LeafEvent[]> {
  try {
    return (await leaf.request("GET", `${userPath(leafUserId)}/${path}/events`, { schema: z.array(leafEvent) })).data;
  } catch (error) {
    if (isLeafError(error, "not_found")) return [];
    throw error;
  }
}

/** A status-only endpoint (Deere's); undefined when Leaf answers 404, as its newer docs dropped it. */
export async function getCredentialStatus(
  leaf: LeafClient,
  leafUserId: string,
  statusPath: string,
): Promise<string | undefined> {
  try {
    return (
      await leaf.request("GET", `${userPath(leafUserId)}/${statusPath}`, { schema: z.object({ status: z.string() }) })
    ).data.status;
  } catch (error) {
    if (isLeafError(error, "not_found")) return undefined;
    throw error;
  }
}
