import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { isStopping, startPeriodicPass, stopPeriodicPass } from "@/lib/background/periodic-pass";
import { logger } from "@/lib/log";
import { acquireLease, releaseLease } from "@/lib/sweep/lease";
import { attemptWebhook } from "./attempt";
import { claimDueWebhooks } from "./deliveries";
import { webhookSettings } from "./settings";

const job = "webhooks";
const leaseName = "webhooks-out";
const jobLeaseMs = 60_000;
const me = `${hostname()}:${process.pid}:${randomUUID()}`;

/**
 * Sends whatever is due, a batch at a time, while this instance holds the job lease (taking it again
 * between batches renews it). Another instance finds it held and waits; a crashed holder's lease expires.
 */
export async function drainWebhooks(batchSize = 10, owner = me): Promise<number> {
  const { timeoutMs } = webhookSettings();
  let sent = 0;
  while (!isStopping(job) && (await acquireLease(leaseName, owner, jobLeaseMs))) {
    const batch = await claimDueWebhooks(batchSize, timeoutMs * 2 + 5_000);
    if (batch.length === 0) break;
    const outcomes = await Promise.all(
      batch.map((row) =>
        attemptWebhook(row).catch((error) => {
          logger.error({ err: error, deliveryId: row.id }, "webhook attempt crashed");
          return "failed" as const;
        }),
      ),
    );
    sent += outcomes.filter((o) => o === "delivered").length;
  }
  return sent;
}

/** Polls for due webhooks in the background; one pass at a time per process. */
export function startWebhookWorker(intervalMs = webhookSettings().intervalMs): void {
  startPeriodicPass(job, intervalMs, () => drainWebhooks());
}

/** Claims nothing more; resolves once the attempts in flight are recorded and the lease is given back. */
export async function stopWebhookWorker(): Promise<void> {
  await stopPeriodicPass(job);
  await releaseLease(leaseName, me).catch(() => undefined);
}
