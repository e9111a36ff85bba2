import "server-only";
import { z } from "zod";
import { config, readVar } from "@/lib/config";
import type { RetryPolicy } from "./backoff";

export interface WebhookSettings extends RetryPolicy {
  /** How often the worker looks for due deliveries. */
  intervalMs: number;
  /** The whole POST, connection to last byte; a receiver should answer at once and work later. */
  timeoutMs: number;
  /** Live mode sends only over https; the sandbox also to plain http (a receiver on this machine). */
  httpsOnly: boolean;
}

let cached: WebhookSettings | undefined;

/** HEADLAND_WEBHOOK_* from the environment, read once (tests shorten the backoff to milliseconds). */
export function webhookSettings(): WebhookSettings {
  if (cached) return cached;
  const env = process.env;
  const ms = z.coerce.number().int().positive();
  cached = {
    intervalMs: readVar(env, "HEADLAND_WEBHOOK_INTERVAL_MS", ms) ?? 2_000,
    timeoutMs: readVar(env, "HEADLAND_WEBHOOK_TIMEOUT_MS", ms.max(60_000)) ?? 10_000,
    baseMs: readVar(env, "HEADLAND_WEBHOOK_BASE_MS", ms) ?? 10_000,
    capMs: readVar(env, "HEADLAND_WEBHOOK_CAP_MS", ms) ?? 60 * 60_000,
    giveUpAfterMs: (readVar(env, "HEADLAND_WEBHOOK_GIVE_UP_HOURS", z.coerce.number().positive()) ?? 24) * 3600_000,
    httpsOnly: !config().sandbox,
  };
  return cached;
}

export function resetWebhookSettingsForTests(): void {
  cached = undefined;
}
