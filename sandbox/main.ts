// The sandbox as its own process: `npx tsx sandbox/main.ts` (or `npm run sandbox`).
import { startSandbox } from "./server";

function numberFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({
    port: numberFromEnv("SANDBOX_PORT", 4010),
    host: "127.0.0.1",
    processingDelayMs: numberFromEnv("SANDBOX_PROCESSING_MS", 1500),
  });
  console.log(`sandbox listening on ${sandbox.url}`);
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`sandbox failed to start: ${(error as Error).message}`);
  process.exit(1);
});
