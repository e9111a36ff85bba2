import "server-only";
import { checkConnection, recordStatus } from "@/lib/connections/snapshots";
import { logger } from "@/lib/log";
import { type Provider, providers } from "@/lib/providers";
import { claimDueAlerts, markFailed, markProcessed, type StoredAlert } from "./inbox";
import { credentialAlert, leafUserOf, providerKey } from "./payload";

/** Leaf names providers its own way ("JohnDeere"); matched against the credential path each one posts to. */
function providersNamed(name: string | null | undefined): Provider[] {
  const key = name ? providerKey(name) : "";
  const match = providers.filter((p) => providerKey(p.leaf.path.replace(/-credentials$/, "")) === key);
  // An unknown name still says this grower changed: check all of theirs rather than miss it.
  return match.length ? match : [...providers];
}

/**
 * Acts on one alert: re-reads the grower's status from Leaf and saves it, so the dashboard shows the
 * change. The payload only says where to look; a failed read throws, and the alert is tried again.
 */
export async function processAlert(row: StoredAlert): Promise<void> {
  const parsed = credentialAlert.safeParse(row.payload);
  const leafUserId = parsed.success ? leafUserOf(parsed.data) : undefined;
  if (!parsed.success || !leafUserId) return markProcessed(row.id, "no Leaf user in the alert; left to the sweep");
  for (const provider of providersNamed(parsed.data.provider)) {
    const observedAt = new Date();
    const { status, leafStatus } = await checkConnection(leafUserId, provider);
    await recordStatus(leafUserId, provider.id, status, leafStatus, observedAt);
  }
  await markProcessed(row.id);
}

let running: Promise<number> | undefined;
let again = false;

/** Processes every due alert; a call while a pass runs asks for one more pass instead of a parallel one. */
export function processDueAlerts(): Promise<number> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    let done = 0;
    do {
      again = false;
      for (let batch = await claimDueAlerts(); batch.length; batch = await claimDueAlerts()) {
        for (const row of batch) {
          try {
            await processAlert(row);
            done += 1;
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            logger.warn({ alertId: row.id, attempt: row.attempts, reason }, "leaf alert processing failed");
            await markFailed(row.id, reason);
          }
        }
      }
    } while (again);
    return done;
  })().finally(() => {
    running = undefined;
  });
  return running;
}
