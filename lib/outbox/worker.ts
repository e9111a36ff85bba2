import "server-only";
import { config } from "@/lib/config";
import { logger } from "@/lib/log";
import { attemptDelivery, claimDueDeliveries } from "./deliveries";

const holder = globalThis as typeof globalThis & { __headlandOutbox?: NodeJS.Timeout };

/** Set on shutdown: the batch in hand is finished, no new one is claimed. */
let stopping = false;
let pass: Promise<void> | undefined;

/** Delivers whatever is due, a batch at a time, until nothing is due (or the process is stopping). */
async function drainOutbox(batchSize = 10): Promise<number> {
  let delivered = 0;
  for (;;) {
    if (stopping) return delivered;
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
  holder.__headlandOutbox = setInterval(() => {
    if (running || stopping) return;
    running = true;
    pass = drainOutbox()
      .then(
        () => undefined,
        (error) => logger.error({ err: error }, "outbox pass failed"),
      )
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  holder.__headlandOutbox.unref();
}

/** Claims nothing more; resolves when the deliveries already claimed have their outcome recorded. */
export async function stopOutboxWorker(): Promise<void> {
  stopping = true;
  clearInterval(holder.__headlandOutbox);
  await pass;
}
