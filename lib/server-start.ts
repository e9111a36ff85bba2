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
import { seedPastBreaks } from "@/lib/seeding/past-breaks";
import { seedStatusHistory } from "@/lib/seeding/status-history";
import { onShutdown } from "@/lib/shutdown";
import { startSweeper, stopSweeper } from "@/lib/sweep/sweep";
import { startWebhookWorker, stopWebhookWorker } from "@/lib/webhooks/worker";

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

/** An error in one line: a failed query's further lines list its parameters, which can be secrets. */
function oneLine(error: unknown): string {
  const first = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n", 1)[0];
  const cause = error instanceof Error && error.cause !== undefined ? `: ${first(error.cause)}` : "";
  return `${first(error)}${cause}`;
}

/**
 * A start-up step that must succeed, or the process stops with one line naming the cause. Otherwise Next
 * logs "Failed to prepare server" and keeps listening while serving nothing, which no supervisor notices,
 * and for the database, every request would retry the open and log the same error again.
 */
export async function mustStart(
  what: string,
  step: () => Promise<unknown>,
  exit: (code: number) => never = process.exit,
): Promise<void> {
  try {
    await step();
  } catch (error) {
    console.error(`Headland cannot start: ${what}: ${oneLine(error)}`);
    exit(1);
  }
}

// Growers usually reach a fresh sandbox after start (sandbox:seed, imports), so the sweep tries again
// after its passes until the past is written or real history makes it unnecessary; then never again.
let pastSettled = false;
async function seedSandboxPastOnce(): Promise<void> {
  if (pastSettled) return;
  const outcome = await seedPastBreaks();
  if (outcome === "seeded") logger.info("sandbox: seeded 30 days of past breaks for the provider health panel");
  pastSettled = outcome !== "waiting";
}

export async function startServer(): Promise<void> {
  const cfg = checkConfiguration();
  await mustStart("the database did not open", database);
  if (cfg.staff) await ensureStaffAccount(cfg.staff);
  // A fresh sandbox's 30-day chart shows lines, not one dot (lib/seeding/status-history.ts), and once it has
  // connections, a past with breaks at a usual rate, so the health panel's norm is not 0% (past-breaks.ts).
  if (cfg.mode === "sandbox") {
    // Invented history for the charts is a nicety: failing to write it must not keep Headland from starting.
    await seedStatusHistory()
      .then(seedSandboxPastOnce)
      .catch((error: unknown) => logger.error({ err: error }, "sandbox: could not seed past history"));
  }
  startOutboxWorker();
  startSweeper(cfg.mode === "sandbox" ? seedSandboxPastOnce : undefined);
  startLeafAlerts();
  startWebhookWorker();
  // SIGTERM (scripts/server.mjs): no new deliveries or checks, the ones in flight finished.
  onShutdown("outbox", stopOutboxWorker);
  onShutdown("sweep", stopSweeper);
  onShutdown("leaf-alerts", stopLeafAlerts);
  onShutdown("webhooks", stopWebhookWorker);
  logger.info({ appUrl: cfg.appUrl, mode: cfg.mode, leaf: cfg.leaf.apiUrl }, "headland started");
}
