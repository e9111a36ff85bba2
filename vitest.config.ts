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
    pool: "threads",
    // One migrated database per run, which every test file's fresh database is loaded from.
    globalSetup: ["lib/testing/template-database.ts"],
    // The app never guesses its mode; unit tests run its modules against a sandbox (a test of the mode
    // itself passes an env of its own to loadConfig).
    env: { HEADLAND_MODE: "sandbox" },
  },
});
