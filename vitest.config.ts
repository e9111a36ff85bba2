import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // Next enforces server-only at build time; under vitest every module is server code.
      "server-only": path.resolve(__dirname, "lib/testing/server-only.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", ".next-*/**", "e2e/**"],
    testTimeout: 20_000,
    // Hooks start real servers and databases; on a loaded 2-core machine that took over vitest's 10 s.
    hookTimeout: 60_000,
    pool: "threads",
    // Vitest's default leaves a core idle (one worker on 2 cores); most files wait on sockets and
    // databases, so every core gets a worker.
    maxWorkers: Math.max(2, availableParallelism()),
    // One migrated database per run, which every test file's fresh database is loaded from.
    globalSetup: ["lib/testing/template-database.ts"],
    // The app never guesses its mode; unit tests run its modules against a sandbox (a test of the mode
    // itself passes an env of its own to loadConfig).
    env: { HEADLAND_MODE: "sandbox" },
  },
});
