import "server-only";
import { ensureStaffAccount } from "@/lib/auth/staff";
import { ConfigError, config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { startOutboxWorker } from "@/lib/outbox/worker";
import { providers } from "@/lib/providers";
import { settingsFor } from "@/lib/providers/settings";
import { startSweeper } from "@/lib/sweep/sweep";

/** Fails fast on a bad configuration, with a message naming the variable. */
function checkConfiguration() {
  try {
    const cfg = config();
    for (const provider of providers) settingsFor(provider);
    return cfg;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Headland cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

export async function startServer(): Promise<void> {
  const cfg = checkConfiguration();
  await database();
  if (cfg.staff) await ensureStaffAccount(cfg.staff);
  startOutboxWorker();
  startSweeper();
  logger.info({ appUrl: cfg.appUrl, sandbox: cfg.sandbox, leaf: cfg.leaf.apiUrl }, "headland started");
}
