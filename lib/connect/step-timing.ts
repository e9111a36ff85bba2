import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// Where a callback's time goes, step by step, for `npm run bench:callback`: with HEADLAND_SERVER_TIMING=1
// the callback answers with a Server-Timing header (durations only, never values). Off by default: then
// mark() is one lookup that finds nothing.

interface Steps {
  last: number;
  entries: [string, number][];
}

const current = new AsyncLocalStorage<Steps>();

export const serverTimingOn = () => process.env.HEADLAND_SERVER_TIMING === "1";

/** Runs `work` with a step timer when Server-Timing is on; `timing()` then reads its steps. */
export function withStepTiming<T>(work: () => Promise<T>): Promise<T> {
  if (!serverTimingOn()) return work();
  return current.run({ last: performance.now(), entries: [] }, work);
}

/** Closes the step that ran since the previous mark (or the start) under this name. */
export function mark(name: string): void {
  const steps = current.getStore();
  if (!steps) return;
  const now = performance.now();
  steps.entries.push([name, now - steps.last]);
  steps.last = now;
}

/** The steps so far as a Server-Timing header value, or undefined when timing is off. */
export function serverTimingHeader(): string | undefined {
  const steps = current.getStore();
  return steps?.entries.map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`).join(", ");
}
