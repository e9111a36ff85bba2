import "server-only";
import { config } from "@/lib/config";
import { logger } from "@/lib/log";
import { noteHeard, storeAlert } from "./inbox";
import { readAlert } from "./payload";
import { deliveryId, verifySignature } from "./signature";

/** Far above any credential alert; a bigger body is not Leaf's. */
export const maxAlertBytes = 64 * 1024;

export type Receipt =
  | { status: 200; outcome: "stored" | "duplicate"; id: string }
  | {
      status: 400 | 401 | 404 | 413;
      outcome: "off" | "too_large" | "unsigned" | "bad_signature" | "malformed" | "stale";
    };

/**
 * Checks one delivery and keeps it for processing. The signature is checked before anything in the body
 * is read; only a verified, fresh alert is stored, once per delivery id.
 */
export async function receiveAlert(rawBody: string, headers: Headers, now = Date.now()): Promise<Receipt> {
  const { secret, maxAgeMs } = config().leafAlerts;
  if (!secret) return { status: 404, outcome: "off" };
  if (Buffer.byteLength(rawBody, "utf8") > maxAlertBytes) return { status: 413, outcome: "too_large" };
  const signature = headers.get("x-leaf-signature");
  if (!signature) return refuse(401, "unsigned");
  if (!verifySignature(rawBody, signature, secret)) return refuse(401, "bad_signature");
  const verdict = readAlert(rawBody, now, maxAgeMs);
  if (!verdict.ok) return refuse(400, verdict.reason);
  await noteHeard();
  const id = deliveryId(rawBody, headers.get("x-leaf-delivery-id"));
  const stored = await storeAlert(id, verdict.alert);
  return { status: 200, outcome: stored ? "stored" : "duplicate", id };
}

function refuse<S extends 400 | 401, O extends "unsigned" | "bad_signature" | "malformed" | "stale">(
  status: S,
  outcome: O,
): { status: S; outcome: O } {
  logger.warn({ outcome }, "leaf alert refused");
  return { status, outcome };
}
