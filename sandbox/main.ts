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
  const port = numberFromEnv("SANDBOX_PORT", 4010);
  const sandbox = await startSandbox({
    port,
    // The app's SMTP_URL defaults to the same port in sandbox mode (lib/config.ts).
    smtpPort: numberFromEnv("SANDBOX_SMTP_PORT", port + 1),
    smtpPortIsDefault: !process.env.SANDBOX_SMTP_PORT,
    host: "127.0.0.1",
    processingDelayMs: numberFromEnv("SANDBOX_PROCESSING_MS", 1500),
    alertRetryUnitMs: numberFromEnv("SANDBOX_ALERT_RETRY_UNIT_MS", 1000),
    // `npm start` sets it so a restart finds the same Leaf; `npm run sandbox` alone keeps nothing.
    dataDir: process.env.SANDBOX_DATA_DIR?.trim() || undefined,
  });
  console.log(`sandbox listening on ${sandbox.url}, catching mail on SMTP port ${sandbox.smtpPort}`);
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
