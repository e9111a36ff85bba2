import "server-only";
import { isStopping, startPeriodicPass, stopPeriodicPass } from "@/lib/background/periodic-pass";
import { config } from "@/lib/config";
import { logger } from "@/lib/log";
import { attemptDelivery, claimDueDeliveries } from "./deliveries";

const job = "outbox";

/** Delivers whatever is due, a batch at a time, until nothing is due (or the process is stopping). */
async function drainOutbox(batchSize = 10): Promise<number> {
  let delivered = 0;
  while (!isStopping(job)) {
    const batch = await claimDueDeliveries(batchSize);
    if (batch.length === 0) break;
    const outcomes = await Promise.all(
      batch.map((row) =>
        attemptDelivery(row).catch((error) => {
          logger.error({ err: error, correlationId: row.correlationId }, "delivery attempt crashed");
          return "failed" as const;
        }),
      ),
    );
    delivered += outcomes.filter((o) => o === "delivered").length;
  }
  return delivered;
}

/** Polls the outbox in the background; one pass at a time per process. */
export function startOutboxWorker(intervalMs = config().outbox.intervalMs): void {
  startPeriodicPass(job, intervalMs, () => drainOutbox());
}

/** Claims nothing more; resolves when the deliveries already claimed have their outcome recorded. */
export const stopOutboxWorker = (): Promise<void> => stopPeriodicPass(job);
