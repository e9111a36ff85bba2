// Runs once when the Node server starts: configuration, migrations, the staff account, the outbox worker.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { mustStart, startServer } = await import("@/lib/server-start");
  await mustStart("start-up failed", startServer);
}
