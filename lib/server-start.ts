import "server-only";
import { startLeafAlerts, stopLeafAlerts } from "@/lib/alerts/worker";
import { ensureStaffAccount } from "@/lib/auth/staff";
import { config } from "@/lib/config";
import { configurationProblems, describeProblems } from "@/lib/config-check";
import { database } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { startOutboxWorker, stopOutboxWorker } from "@/lib/outbox/worker";
import { providers } from "@/lib/providers";
import { settingsFor } from "@/lib/providers/settings";
import { onShutdown } from "@/lib/shutdown";
import { startSweeper, stopSweeper } from "@/lib/sweep/sweep";

/** Fails fast on a bad configuration, listing every variable to fix (also when started without `npm start`). */
function checkConfiguration() {
  const problems = configurationProblems(process.env);
  if (problems.length > 0) {
    console.error(describeProblems(problems));
    process.exit(1);
  }
  const cfg = config();
  for (const provider of providers) settingsFor(provider);
  return cfg;
}

/**
 * The database opened (and migrated) before anything is served. If it cannot be, the process stops
 * here with one clear line: otherwise every request would retry the open and log the same error again.
 */
export async function openDatabaseOrExit(
  open: () => Promise<unknown>,
  exit: (code: number) => never = process.exit,
): Promise<void> {
  try {
    await open();
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    console.error(`Headland cannot start: the database did not open: ${(error as Error).message}${cause}`);
    exit(1);
  }
}

export async function startServer(): Promise<void> {
  const cfg = checkConfiguration();
  await openDatabaseOrExit(database);
  if (cfg.staff) await ensureStaffAccount(cfg.staff);
  startOutboxWorker();
  startSweeper();
  startLeafAlerts();
  // SIGTERM (scripts/server.mjs): no new deliveries or checks, the ones in flight finished.
  onShutdown("outbox", stopOutboxWorker);
  onShutdown("sweep", stopSweeper);
  onShutdown("leaf-alerts", stopLeafAlerts);
  logger.info({ appUrl: cfg.appUrl, mode: cfg.mode, leaf: cfg.leaf.apiUrl }, "headland started");
}
