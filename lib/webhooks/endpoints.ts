import "server-only";
import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { webhookEndpoints } from "@/lib/db/schema";
import { eventTypes } from "@/lib/events/types";
import { isLoopbackUrl } from "@/lib/http/loopback";
import { maskSecret, newSigningSecret, sealSecret, secretHintOf } from "./secrets";
import { webhookSettings } from "./settings";

/** What an admin submits; the messages are the ones they read. */
export const newEndpointInput = z.object({
  url: z
    .string()
    .trim()
    .max(2000, "That URL is too long.")
    .pipe(z.url({ protocol: /^https?$/, error: "Enter the receiver's full URL, starting with https://." })),
  eventTypes: z.array(z.enum(eventTypes)).min(1, "Choose at least one event type."),
});

export class EndpointRefused extends Error {}

/** In live mode a secret-signed body goes only over https; the sandbox also sends to plain http. */
export function urlProblem(url: string, httpsOnly = webhookSettings().httpsOnly): string | undefined {
  const parsed = new URL(url);
  if (parsed.username || parsed.password) return "Leave the user name and password out of the URL.";
  if (parsed.protocol === "https:") return undefined;
  if (!httpsOnly) return undefined;
  return isLoopbackUrl(url)
    ? "In live mode Headland sends webhooks only over https, even to this machine."
    : "In live mode Headland sends webhooks only over https.";
}

export interface EndpointView {
  id: string;
  url: string;
  eventTypes: string[];
  secretMasked: string;
  enabled: boolean;
  createdBy: string;
  createdAt: Date;
}

const toView = (row: typeof webhookEndpoints.$inferSelect): EndpointView => ({
  id: row.id,
  url: row.url,
  eventTypes: row.eventTypes,
  secretMasked: maskSecret(row.secretHint),
  enabled: row.enabled,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
});

/** Registers a receiver; the signing secret is returned this once and stored only sealed. */
export async function createEndpoint(
  actor: string,
  input: z.infer<typeof newEndpointInput>,
): Promise<{ endpoint: EndpointView; secret: string }> {
  const problem = urlProblem(input.url);
  if (problem) throw new EndpointRefused(problem);
  const id = randomUUID();
  const secret = newSigningSecret();
  const { keyId, sealed } = sealSecret(config().keyring, id, secret);
  const db = await database();
  const [row] = await db
    .insert(webhookEndpoints)
    .values({
      id,
      url: input.url,
      eventTypes: [...new Set(input.eventTypes)],
      keyId,
      sealedSecret: sealed,
      secretHint: secretHintOf(secret),
      createdBy: actor,
    })
    .returning();
  await audit({ actor, action: "webhook_endpoint_create", outcome: "created", detail: `${id} ${input.url}` });
  return { endpoint: toView(row!), secret };
}

export async function listEndpoints(): Promise<EndpointView[]> {
  const db = await database();
  return (await db.select().from(webhookEndpoints).orderBy(desc(webhookEndpoints.createdAt))).map(toView);
}

export async function findEndpoint(id: string): Promise<EndpointView | undefined> {
  const db = await database();
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).limit(1);
  return row && toView(row);
}

/** A disabled endpoint is not sent events that happen meanwhile; what it had queued waits until it is enabled. */
export async function setEndpointEnabled(actor: string, id: string, enabled: boolean): Promise<boolean> {
  const db = await database();
  const rows = await db
    .update(webhookEndpoints)
    .set({ enabled })
    .where(eq(webhookEndpoints.id, id))
    .returning({ id: webhookEndpoints.id });
  if (rows.length) await audit({ actor, action: "webhook_endpoint_enable", outcome: String(enabled), detail: id });
  return rows.length > 0;
}

/** Deletes the endpoint and its delivery log (cascade). */
export async function deleteEndpoint(actor: string, id: string): Promise<boolean> {
  const db = await database();
  const rows = await db
    .delete(webhookEndpoints)
    .where(eq(webhookEndpoints.id, id))
    .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url });
  if (rows.length) await audit({ actor, action: "webhook_endpoint_delete", outcome: "deleted", detail: id });
  return rows.length > 0;
}
