// `npm run sandbox:seed -- 10000`: fills the running sandbox's Leaf with that many growers (a realistic
// mix of statuses across the three providers), then has the running app import them, as staff pressing
// "Import from Leaf" would. Statuses then fill in as the background sweep checks them, oldest first.
import { seedSandbox, seedUsers } from "@/lib/seeding/grower-mix";
import { staffCookie } from "@/lib/seeding/staff-cookie";

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 10_000);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
    throw new Error(`usage: npm run sandbox:seed -- COUNT (got "${process.argv[2]}")`);
  const sandboxUrl = `http://127.0.0.1:${process.env.SANDBOX_PORT || 4010}`;
  const appUrl = (process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, "");

  const started = Date.now();
  const ids = await seedSandbox(sandboxUrl, seedUsers(count, Date.now().toString(36), Date.now() % 2 ** 31));
  console.log(
    `Seeded ${ids.length} Leaf users with credentials into the sandbox at ${sandboxUrl} ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );

  const cookie = await staffCookie(
    appUrl,
    process.env.HEADLAND_STAFF_EMAIL || "staff@headland.test",
    process.env.HEADLAND_STAFF_PASSWORD || "headland",
  );
  const imported = await fetch(`${appUrl}/api/growers/import`, {
    method: "POST",
    headers: { cookie, origin: new URL(appUrl).origin },
  });
  if (!imported.ok) throw new Error(`import answered ${imported.status}: ${await imported.text()}`);
  const { seen, added } = (await imported.json()) as { seen: number; added: number };
  console.log(
    `Headland imported ${added} new growers (${seen} Leaf users in all). ` +
      "The dashboard fills in as the sweep checks them.",
  );
}

main().catch((error: unknown) => {
  console.error(`sandbox:seed failed: ${(error as Error).message}`);
  console.error("Is Headland running (npm start)? The sandbox and the app must both be up.");
  process.exit(1);
});
