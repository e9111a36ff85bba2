import "server-only";
import { eq } from "drizzle-orm";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { webhookEndpoints } from "@/lib/db/schema";
import { logger } from "@/lib/log";
import { recordAttempt, type WebhookDelivery } from "./deliveries";
import { webhookBodyFor } from "./payload";
import { openSecret } from "./secrets";
import { postWebhook, type SendResult } from "./send";
import { webhookSettings } from "./settings";
import { eventIdHeader, signatureFor, signatureHeader } from "./signature";

/** Signs and POSTs one claimed delivery and stores the outcome. Logs ids and outcomes, never the secret. */
export async function attemptWebhook(row: WebhookDelivery, send = postWebhook) {
  const settings = webhookSettings();
  const result = await signedPost(row, send, settings.timeoutMs);
  const outcome = await recordAttempt(row, result, settings);
  const log = { deliveryId: row.id, endpointId: row.endpointId, eventId: row.eventId, attempts: row.attempts + 1 };
  if (outcome === "delivered") logger.info({ ...log, statusCode: result.statusCode }, "webhook delivered");
  else logger.warn({ ...log, statusCode: result.statusCode, reason: result.error, outcome }, "webhook not delivered");
  return outcome;
}

async function signedPost(row: WebhookDelivery, send: typeof postWebhook, timeoutMs: number): Promise<SendResult> {
  const db = await database();
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, row.endpointId));
  const body = await webhookBodyFor(row.eventId);
  if (!endpoint || !body) return { ok: false, error: "the endpoint or the event no longer exists" };
  let secret: string;
  try {
    secret = openSecret(config().keyring, endpoint);
  } catch {
    return { ok: false, error: "the signing secret cannot be opened with the configured keys" };
  }
  const raw = JSON.stringify(body);
  const headers = {
    [signatureHeader]: signatureFor(secret, raw, Math.floor(Date.now() / 1000)),
    [eventIdHeader]: String(body.id),
  };
  return send(endpoint.url, raw, headers, timeoutMs);
}
