// `npm run keys:rewrap`: seals every token set still waiting in the outbox again under the first key of
// HEADLAND_ENCRYPTION_KEY (and with the full binding of row, grower and provider), then says which older
// keys still seal something. A key no row needs any more can be dropped from the list.
// With PostgreSQL it runs beside the app; PGlite is one process's database, so stop the app first.
import path from "node:path";
import { ConfigError, config } from "@/lib/config";
import { openDatabase } from "@/lib/db/client";
import { rewrapDeliveries, rowsUnderOlderKeys } from "@/lib/outbox/rewrap";

async function main(): Promise<void> {
  const cfg = config();
  const { db, close } = await openDatabase(
    cfg.databaseUrl ? { url: cfg.databaseUrl } : { dir: path.join(cfg.dataDir, "pglite") },
  );
  try {
    const counts = await rewrapDeliveries(db, cfg.keyring);
    const newest = cfg.keyring.current.id;
    console.log(
      `keys:rewrap: ${counts.rewrapped} re-sealed under key ${newest}, ${counts.current} already were, ` +
        `${counts.unopenable} cannot be opened with the configured keys, ${counts.changed} changed meanwhile.`,
    );
    if (counts.changed > 0) console.log("Some rows changed while this ran: run it again.");
    const older = await rowsUnderOlderKeys(db, cfg.keyring);
    for (const [keyId, rows] of older) {
      const listed = cfg.keyring.byId.has(keyId);
      console.log(
        listed
          ? `Key ${keyId} still seals ${rows} row(s) that could not be re-sealed: keep it listed.`
          : `Key ${keyId} is not configured: its ${rows} row(s) cannot be delivered (staff see them as failed).`,
      );
    }
    if (older.size === 0) console.log(`Every waiting row is sealed under ${newest}: older keys can be removed.`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : (error as Error).stack;
  console.error(`keys:rewrap failed: ${message}`);
  process.exit(1);
});
