import "server-only";
import { startPeriodicPass, stopPeriodicPass } from "@/lib/background/periodic-pass";
import { config } from "@/lib/config";
import { isLeafError } from "@/lib/leaf";
import { logger } from "@/lib/log";
import { processDueAlerts } from "./process";
import { registerConfiguredWebhook } from "./register";

const job = "leaf-alerts";

/**
 * Picks up alerts the request's own after() did not finish: a crash between storing and processing,
 * or a Leaf read that failed and is due again.
 */
export function startAlertWorker(intervalMs = 2_000): void {
  startPeriodicPass(job, intervalMs, processDueAlerts);
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
export const stopLeafAlerts = (): Promise<void> => stopPeriodicPass(job);
