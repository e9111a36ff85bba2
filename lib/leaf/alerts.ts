import { z } from "zod";
import type { LeafClient } from "./client";

const webhooksPath = "/services/alerts/api/alerts/webhooks";

/** A registered webhook as Leaf lists it; the secret, if Leaf echoes it, is not kept. */
export const leafWebhook = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  name: z.string().nullish(),
  url: z.string(),
  events: z.array(z.string()).default([]),
});
export type LeafWebhook = z.infer<typeof leafWebhook>;

export interface NewWebhook {
  name: string;
  url: string;
  secret: string;
  events: string[];
}

export async function listWebhooks(leaf: LeafClient): Promise<LeafWebhook[]> {
  return (await leaf.request("GET", webhooksPath, { schema: z.array(leafWebhook) })).data;
}

/** Leaf answers 201 with the new id in the Location header (its body may be empty). */
export async function createWebhook(leaf: LeafClient, webhook: NewWebhook): Promise<string | undefined> {
  const { data, headers } = await leaf.request("POST", webhooksPath, {
    body: webhook,
    schema: z.looseObject({ id: z.union([z.string(), z.number()]).optional() }).optional(),
  });
  return data?.id?.toString() ?? headers.get("location")?.split("/").pop() ?? undefined;
}

export async function deleteWebhook(leaf: LeafClient, id: string): Promise<void> {
  await leaf.request("DELETE", `${webhooksPath}/${encodeURIComponent(id)}`, { schema: z.unknown() });
}
