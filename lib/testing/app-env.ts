import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Provider } from "@/lib/providers/types";
import { startSandbox } from "@/sandbox/server";
import { freshDatabase } from "./db";

/**
 * A sandbox on a free port, the app's configuration pointed at it, and an in-memory database: what
 * the server-side modules need to run for real inside a vitest file.
 */
export async function appAgainstSandbox(env: Record<string, string> = {}, providers?: readonly Provider[]) {
  const sandbox = await startSandbox({ port: 0, processingDelayMs: 30, providers });
  Object.assign(process.env, {
    SANDBOX_PORT: String(sandbox.port),
    HEADLAND_MODE: "sandbox",
    HEADLAND_DATA_DIR: mkdtempSync(path.join(tmpdir(), "headland-unit-")),
    // Seconds, not the production default's tens: a test of a hung Leaf stays short, and a loaded 2-core
    // CI machine still answers a first call (500 ms once timed out a token renewal there).
    LEAF_TIMEOUT_MS: "3000",
    ...env,
  });
  const db = await freshDatabase();
  const control = async (method: "POST" | "DELETE" | "GET", route: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}/_sandbox/${route}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.ok ? response.json().catch(() => undefined) : undefined;
  };
  return {
    sandbox,
    db,
    control,
    close: async () => {
      await db.close();
      await sandbox.close();
    },
  };
}
