import "server-only";
import { logger } from "@/lib/log";
import { onShutdown } from "@/lib/shutdown";

// Bookkeeping a response need not wait for (a status row, an audit line), run once the current request
// has had its turn: scheduled with setImmediate so its database work comes after the response is written,
// tracked so a SIGTERM waits for it like any other work in flight.

const pending = new Set<Promise<void>>();

export function later(name: string, work: () => Promise<unknown>): void {
  const done = new Promise<void>((resolve) => setImmediate(resolve))
    .then(work)
    .then(
      () => undefined,
      (error: unknown) => logger.error({ err: error, work: name }, "deferred write failed"),
    )
    .finally(() => pending.delete(done));
  pending.add(done);
}

/** Resolves once every deferred write started so far has finished. */
export async function settled(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}

onShutdown("deferred-writes", settled);
