import "server-only";
import { createHmac } from "node:crypto";
import { config } from "@/lib/config";
import { type LeafClient, leaf } from "@/lib/leaf";
import { createWebhook, deleteWebhook, type LeafWebhook, listWebhooks } from "@/lib/leaf/alerts";
import { noteRegistration } from "./inbox";
import { credentialEvents } from "./payload";

const namePrefix = "Headland credential alerts";

export interface WantedWebhook {
  name: string;
  url: string;
  secret: string;
  events: string[];
}

/**
 * The webhook Headland wants. Leaf does not say which secret a webhook has, so the name carries a
 * fingerprint of it: a new secret changes the name, and the compare below replaces the webhook.
 */
export function wantedWebhook(appUrl: string, secret: string): WantedWebhook {
  const fingerprint = createHmac("sha256", secret).update("headland webhook name").digest("hex").slice(0, 8);
  return {
    name: `${namePrefix} ${fingerprint}`,
    url: `${appUrl}/api/webhooks/leaf`,
    secret,
    events: [...credentialEvents],
  };
}

const ours = (hook: LeafWebhook, wanted: WantedWebhook) =>
  hook.url === wanted.url || (hook.name ?? "").startsWith(namePrefix);

const sameEvents = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

const matches = (hook: LeafWebhook, wanted: WantedWebhook) =>
  hook.name === wanted.name && hook.url === wanted.url && sameEvents(hook.events, wanted.events);

export type Registration = { outcome: "kept" | "created"; webhookId: string | null; replaced: number };

/**
 * Makes Leaf hold exactly one webhook of ours, as wanted. Leaf has no update: a webhook of ours that
 * differs is deleted before the new one is created (Leaf refuses an event registered twice).
 */
export async function registerWebhook(wanted: WantedWebhook, client: LeafClient = leaf()): Promise<Registration> {
  const mine = (await listWebhooks(client)).filter((hook) => ours(hook, wanted));
  const keep = mine.find((hook) => matches(hook, wanted));
  const stale = mine.filter((hook) => hook !== keep);
  for (const hook of stale) await deleteWebhook(client, hook.id);
  if (keep) return { outcome: "kept", webhookId: keep.id, replaced: stale.length };
  const webhookId = (await createWebhook(client, wanted)) ?? null;
  return { outcome: "created", webhookId, replaced: stale.length };
}

/** Registers with this instance's configuration, and remembers it for the dashboard. Undefined when off. */
export async function registerConfiguredWebhook(client: LeafClient = leaf()): Promise<Registration | undefined> {
  const cfg = config();
  if (!cfg.leafAlerts.secret) return undefined;
  const wanted = wantedWebhook(cfg.appUrl, cfg.leafAlerts.secret);
  const registration = await registerWebhook(wanted, client);
  await noteRegistration({ webhookId: registration.webhookId, url: wanted.url });
  return registration;
}
