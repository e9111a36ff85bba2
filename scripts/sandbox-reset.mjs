#!/usr/bin/env node
// `npm run sandbox:reset`: empties the sandbox `npm start` keeps under the data directory (its Leaf users,
// credentials, provider grants, webhooks), live too when it is running, and says what it cleared.
// Headland's own database is left alone: that is the point of a sandbox that survives restarts.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { sandboxDataDir } from "./start.mjs";

const STATE_FILE = "state.json";

/** What the saved state holds, in words; the file is only counted here, the sandbox itself validates it. */
function describeSaved(file) {
  try {
    const saved = JSON.parse(readFileSync(file, "utf8"));
    const count = (list, one, many) => `${list?.length ?? 0} ${list?.length === 1 ? one : many}`;
    return [
      count(saved.leaf?.users, "Leaf user", "Leaf users"),
      count(saved.leaf?.credentials, "credential", "credentials"),
      count(saved.providers?.grants, "provider grant", "provider grants"),
      count(saved.leaf?.webhooks, "webhook", "webhooks"),
    ].join(", ");
  } catch {
    return "a state file that could not be read";
  }
}

/** Resets a sandbox running on SANDBOX_PORT, so it does not write back what it still holds in memory. */
async function resetRunning(port) {
  const base = `http://127.0.0.1:${port}/_sandbox`;
  try {
    if (!(await fetch(`${base}/health`, { signal: AbortSignal.timeout(1000) })).ok) return false;
    return (await fetch(`${base}/reset`, { method: "POST", signal: AbortSignal.timeout(5000) })).ok;
  } catch {
    return false;
  }
}

/** A folder as a person would type it here: relative inside the project, absolute outside it. */
function shown(dir) {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith("..") ? relative : dir;
}

const headlandDataDir = () => shown(path.resolve(process.env.HEADLAND_DATA_DIR?.trim() || ".data"));

async function main() {
  const dir = sandboxDataDir();
  if (!dir) {
    console.log("SANDBOX_DATA_DIR is empty: the sandbox keeps nothing on disk, so there is nothing to clear.");
    return;
  }
  const port = process.env.SANDBOX_PORT ?? "4010";
  const file = path.join(dir, STATE_FILE);
  const what = existsSync(file) ? describeSaved(file) : undefined;
  const wasRunning = await resetRunning(port);
  if (existsSync(dir))
    for (const name of readdirSync(dir))
      if (name === STATE_FILE || name.endsWith(".tmp")) rmSync(path.join(dir, name), { force: true });

  const where = shown(dir);
  if (what) console.log(`Cleared the sandbox's saved state in ${where}: ${what}.`);
  else console.log(`The sandbox had no saved state in ${where}.`);
  if (wasRunning) console.log(`The sandbox running on port ${port} was emptied too.`);
  console.log(
    "Headland's own database (growers, invite links, staff) is kept: growers connected before show " +
      '"Not connected" after the next status check, and can connect again from their invite links. ' +
      `To start Headland itself from nothing as well, stop it and delete ${headlandDataDir()}.`,
  );
  const aside = existsSync(dir) ? readdirSync(dir).filter((name) => name.includes(".unreadable-")) : [];
  if (aside.length) console.log(`Kept, for you to look at or delete: ${aside.join(", ")} (states it could not read).`);
}

main().catch((error) => {
  console.error(`sandbox:reset failed: ${error.message}`);
  process.exit(1);
});
