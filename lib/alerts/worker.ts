import "server-only";
import { config } from "@/lib/config";
import { isLeafError } from "@/lib/leaf";
import { logger } from "@/lib/log";
import { processDueAlerts } from "./process";
import { registerConfiguredWebhook } from "./register";

const holder = globalThis as typeof globalThis & { __headlandAlerts?: NodeJS.Timeout };

/**
 * Picks up alerts the request's own after() did not finish: a crash between storing and processing,
 * or a Leaf read that failed and is due again.
 */
export function startAlertWorker(intervalMs = 2_000): void {
  if (holder.__headlandAlerts) return;
  holder.__headlandAlerts = setInterval(() => {
    processDueAlerts().catch((error) => logger.error({ err: error }, "leaf alert pass failed"));
  }, intervalMs);
  holder.__headlandAlerts.unref();
}

/** Registers the webhook without holding up the start; Leaf being down only delays it. */
async function registerWithRetries(retryMs: number, attemptsLeft: number): Promise<void> {
  try {
    const registration = await registerConfiguredWebhook();
    logger.info({ ...registration }, "leaf alerts webhook registered");
  } catch (error) {
    const retry = isLeafError(error) && error.retryable && attemptsLeft > 1;
    logger.warn({ reason: (error as Error).message, retry }, "leaf alerts webhook registration failed");
    if (retry) setTimeout(() => void registerWithRetries(retryMs, attemptsLeft - 1), retryMs).unref();
  }
}

/** At start, when configured (a webhook secret, generated in sandbox mode): register and process alerts. */
export function startLeafAlerts(): void {
  if (!config().leafAlerts.secret) return;
  startAlertWorker();
  void registerWithRetries(30_000, 20);
}

/** On shutdown: no new passes. An alert cut off mid-pass is still unprocessed and is taken after the restart. */
export async function stopLeafAlerts(): Promise<void> {
  clearInterval(holder.__headlandAlerts);
  holder.__headlandAlerts = undefined;
}
