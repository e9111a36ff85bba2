import { z } from "zod";
import type { LeafClient } from "./client";

const usersPath = "/services/usermanagement/api/users";

export const leafUser = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
  email: z.string().nullish(),
  externalId: z.string().nullish(),
});
export type LeafUser = z.infer<typeof leafUser>;

export async function createLeafUser(
  leaf: LeafClient,
  input: { name: string; email: string; externalId?: string },
): Promise<LeafUser> {
  return (await leaf.request("POST", usersPath, { body: input, schema: leafUser })).data;
}

/** One page of Leaf users (page from 0, at most 100 a page) and the total from X-Total-Count. */
export async function listLeafUsers(
  leaf: LeafClient,
  page: number,
  size = 100,
): Promise<{ users: LeafUser[]; total: number }> {
  const { data, headers } = await leaf.request("GET", usersPath, {
    query: { page, size, sort: "createdTime,asc" },
    schema: z.array(leafUser),
  });
  const total = Number(headers.get("x-total-count") ?? data.length);
  return { users: data, total: Number.isFinite(total) ? total : data.length };
}
