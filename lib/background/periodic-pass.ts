import "server-only";
import { logger } from "@/lib/log";

// The background jobs (the outbox, webhooks out, Leaf's alerts) share one shape: a pass every so often,
// never two at once in a process, none started once shutdown begins, and shutdown waits for the pass in
// hand. Next may load a module more than once (route bundles, instrumentation), so each job's state
// lives on globalThis under its name and a second start is a no-op.

interface Job {
  timer: NodeJS.Timeout;
  stopping: boolean;
  pass?: Promise<void>;
}

const holder = globalThis as typeof globalThis & { __headlandJobs?: Map<string, Job> };
const jobs = () => (holder.__headlandJobs ??= new Map());

/** Whether `name` is shutting down: a pass working through batches checks it between them. */
export function isStopping(name: string): boolean {
  return jobs().get(name)?.stopping ?? false;
}

export function startPeriodicPass(name: string, intervalMs: number, pass: () => Promise<unknown>): void {
  if (jobs().has(name)) return;
  const job: Job = {
    stopping: false,
    timer: setInterval(() => {
      if (job.pass || job.stopping) return;
      job.pass = pass()
        .then(
          () => undefined,
          (error: unknown) => logger.error({ err: error, job: name }, "background pass failed"),
        )
        .finally(() => {
          job.pass = undefined;
        });
    }, intervalMs),
  };
  job.timer.unref();
  jobs().set(name, job);
}

/** Starts no new pass; resolves once the pass in hand (if any) has finished. */
export async function stopPeriodicPass(name: string): Promise<void> {
  const job = jobs().get(name);
  if (!job) return;
  job.stopping = true;
  clearInterval(job.timer);
  await job.pass;
}
