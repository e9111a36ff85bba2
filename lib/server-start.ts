import "server-only";
import { ensureStaffAccount } from "@/lib/auth/staff";
import { config } from "@/lib/config";
import { configurationProblems, describeProblems } from "@/lib/config-check";
import { database } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { startOutboxWorker } from "@/lib/outbox/worker";
import { providers } from "@/lib/providers";
import { settingsFor } from "@/lib/providers/settings";
import { startSweeper } from "@/lib/sweep/sweep";

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

export async function startServer(): Promise<void> {
  const cfg = checkConfiguration();
  await database();
  if (cfg.staff) await ensureStaffAccount(cfg.staff);
  startOutboxWorker();
  startSweeper();
  logger.info({ appUrl: cfg.appUrl, mode: cfg.mode, leaf: cfg.leaf.apiUrl }, "headland started");
}
