import "server-only";
import { config } from "@/lib/config";
import { logger } from "@/lib/log";
import { attemptDelivery, claimDueDeliveries } from "./deliveries";

const holder = globalThis as typeof globalThis & { __headlandOutbox?: NodeJS.Timeout };

/** Delivers whatever is due, a batch at a time, until nothing is due. */
async function drainOutbox(batchSize = 10): Promise<number> {
  let delivered = 0;
  for (;;) {
    const batch = await claimDueDeliveries(batchSize);
    if (batch.length === 0) return delivered;
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
}

/** Polls the outbox in the background; one pass at a time per process. */
export function startOutboxWorker(intervalMs = config().outbox.intervalMs): void {
  if (holder.__headlandOutbox) return;
  let running = false;
  holder.__headlandOutbox = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await drainOutbox();
    } catch (error) {
      logger.error({ err: error }, "outbox pass failed");
    } finally {
      running = false;
    }
  }, intervalMs);
  holder.__headlandOutbox.unref();
}
