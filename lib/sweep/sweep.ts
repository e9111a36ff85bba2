import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { config } from "@/lib/config";
import { refreshSnapshot } from "@/lib/connections/snapshots";
import { recordDailyCounts } from "@/lib/dashboard/status-counts";
import { database } from "@/lib/db/client";
import { connectionSnapshots, growers } from "@/lib/db/schema";
import { LeafClient } from "@/lib/leaf";
import { logger } from "@/lib/log";
import { type Provider, providers } from "@/lib/providers";
import { acquireLease, releaseLease, renewLease } from "./lease";
import { type RateLimiter, runPaced, slidingWindowLimiter } from "./pacing";

export interface SweepSettings {
  concurrency: number;
  staleAfterMs: number;
}

export interface DuePair {
  leafUserId: string;
  provider: Provider;
  checkedAt: Date | null;
}

const leaseName = "status-sweep";
const leaseTtlMs = 60_000;

/** Every grower and provider whose snapshot is missing or older than `staleAfterMs`, oldest first. */
export async function duePairs(staleAfterMs: number): Promise<DuePair[]> {
  const db = await database();
  const staleBefore = sql`now() - ${`${staleAfterMs} milliseconds`}::interval`;
  const perProvider = await Promise.all(
    providers.map(async (provider) => {
      const rows = await db
        .select({ leafUserId: growers.leafUserId, checkedAt: connectionSnapshots.checkedAt })
        .from(growers)
        .leftJoin(
          connectionSnapshots,
          and(eq(connectionSnapshots.leafUserId, growers.leafUserId), eq(connectionSnapshots.provider, provider.id)),
        )
        .where(or(isNull(connectionSnapshots.checkedAt), lt(connectionSnapshots.checkedAt, staleBefore)));
      return rows.map((row) => ({ ...row, provider }));
    }),
  );
  // Never-checked connections first, then the longest unchecked.
  return perProvider
    .flat()
    .sort((a, b) => (a.checkedAt?.getTime() ?? -Infinity) - (b.checkedAt?.getTime() ?? -Infinity));
}

/** A Leaf client of the sweep's own, whose every request (token renewals included) waits for the limiter. */
export function throttledLeaf(limiter: RateLimiter): LeafClient {
  return new LeafClient({ ...config().leaf, throttle: (send) => limiter.schedule(send) });
}

/**
 * One pass over every due connection, if no other instance is sweeping: bounded concurrency, each
 * request to Leaf paced by the client's limiter, today's counts kept for the chart afterwards.
 * Undefined when another instance holds the lease.
 */
export async function sweepOnce(
  settings: SweepSettings,
  holder: string,
  client: LeafClient,
  stopping: () => boolean = () => false,
): Promise<{ checked: number } | undefined> {
  if (!(await acquireLease(leaseName, holder, leaseTtlMs))) return undefined;
  let held = true;
  const renewal = setInterval(() => {
    renewLease(leaseName, holder, leaseTtlMs).then(
      (ok) => (held &&= ok),
      () => (held = false),
    );
  }, leaseTtlMs / 3);
  try {
    const due = await duePairs(settings.staleAfterMs);
    const checked = await runPaced(due, {
      concurrency: settings.concurrency,
      keepGoing: () => held && !stopping(),
      run: (pair) =>
        refreshSnapshot(pair.leafUserId, pair.provider, client).catch((error: unknown) => {
          logger.error(
            { err: error, leafUserId: pair.leafUserId, provider: pair.provider.id },
            "sweep could not store a check",
          );
        }),
    });
    if (held) await recordDailyCounts();
    // Statistics for the dashboard's status filter; PGlite has no autovacuum to keep them.
    if (checked) await (await database()).execute(sql`analyze ${connectionSnapshots}`);
    return { checked };
  } finally {
    clearInterval(renewal);
    await releaseLease(leaseName, holder);
  }
}

const holder = globalThis as typeof globalThis & { __headlandSweeper?: NodeJS.Timeout };

let stopping = false;
let pass: Promise<unknown> | undefined;

/**
 * Sweeps in the background, one pass every HEADLAND_SWEEP_INTERVAL_MS after the last one ended; `afterPass`
 * runs after each pass that checked anything (the sandbox seeds its past once connections exist).
 */
export function startSweeper(afterPass?: () => Promise<unknown>): void {
  const settings = config().sweep;
  if (settings.intervalMs === 0 || holder.__headlandSweeper) return;
  const me = `${hostname()}:${process.pid}:${randomUUID()}`;
  // One limiter for the life of the process, so back-to-back passes share the same window.
  const client = throttledLeaf(slidingWindowLimiter(settings.ratePerSecond));
  const schedule = () => {
    if (stopping) return;
    holder.__headlandSweeper = setTimeout(() => {
      pass = sweepOnce(settings, me, client, () => stopping)
        .then(
          async (done) => {
            if (!done?.checked) return;
            logger.info({ checked: done.checked }, "status sweep done");
            await afterPass?.();
          },
          (error) => logger.error({ err: error }, "status sweep failed"),
        )
        .catch((error) => logger.error({ err: error }, "after the status sweep"))
        .finally(schedule);
    }, settings.intervalMs);
    holder.__headlandSweeper.unref();
  };
  schedule();
}

/** Starts no new check and no new pass; resolves once the checks in flight are stored and the lease released. */
export async function stopSweeper(): Promise<void> {
  stopping = true;
  clearTimeout(holder.__headlandSweeper);
  await pass;
}
