// How the app's background work stops on SIGTERM. scripts/server.mjs owns the signal but loads Next in
// its own module graph, so the app leaves its stop function on globalThis for the server to call.

type Stopper = () => Promise<void>;

const holder = globalThis as typeof globalThis & { __headlandShutdown?: () => Promise<void> };
const stoppers = new Map<string, Stopper>();

/** A background job's stop: stop taking new work, resolve once the work in flight is done. */
export function onShutdown(name: string, stop: Stopper): void {
  stoppers.set(name, stop);
  holder.__headlandShutdown = stopEverything;
}

/** Every registered job stopped together; one failing to stop cleanly does not hold up the others. */
export async function stopEverything(): Promise<void> {
  await Promise.allSettled([...stoppers.values()].map((stop) => stop()));
}
