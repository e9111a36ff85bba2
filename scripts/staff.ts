// `npm run staff -- add EMAIL [--admin] | remove EMAIL | list`: the staff team from the command line, for
// the first members of a deployment or when nobody can reach the admin page. `add` prints a single-use
// invite link (no password belongs on a command line); `remove` ends the member's sessions at once.
// With PostgreSQL it runs beside the app; PGlite is one process's database, so stop the app first.
import path from "node:path";
import { ConfigError, config } from "@/lib/config";
import { adoptDatabase, openDatabase } from "@/lib/db/client";
import type { StaffRole } from "@/lib/db/schema";
import { StaffChangeError } from "@/lib/staff/errors";
import { inviteStaff } from "@/lib/staff/invites";
import { listStaff, removeStaff } from "@/lib/staff/members";

const usage = "Usage: npm run staff -- add EMAIL [--admin] | remove EMAIL | list";
const actor = "cli";

/** The command to run once the database is open, or undefined when the arguments make no sense. */
function parseCommand(args: string[]): (() => Promise<void>) | undefined {
  const [command, email, ...rest] = args;
  if (command === "list" && !email) return listMembers;
  if (command === "add" && email && rest.every((flag) => flag === "--admin"))
    return () => addMember(email, rest.includes("--admin") ? "admin" : "member");
  if (command === "remove" && email && rest.length === 0)
    return async () => {
      await removeStaff(actor, { email });
      console.log(`Removed ${email}; their sessions have ended.`);
    };
  return undefined;
}

async function listMembers(): Promise<void> {
  const members = await listStaff();
  if (members.length === 0) console.log("No staff yet. The app adds HEADLAND_STAFF_EMAIL as an admin when it starts.");
  for (const member of members)
    console.log(`${member.email}\t${member.role}\t${member.hasPassword ? "password" : "single sign-on only"}`);
}

async function addMember(email: string, role: StaffRole): Promise<void> {
  const invite = await inviteStaff(actor, email, role);
  console.log(`Invite for ${email} as ${role}, single use, until ${invite.expiresAt.toISOString()}:`);
  console.log(invite.url);
}

async function main(): Promise<void> {
  const command = parseCommand(process.argv.slice(2));
  if (!command) {
    console.error(usage);
    process.exit(2);
  }
  const cfg = config();
  const handle = await openDatabase(
    cfg.databaseUrl ? { url: cfg.databaseUrl } : { dir: path.join(cfg.dataDir, "pglite") },
  );
  adoptDatabase(handle.db);
  try {
    await command();
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof StaffChangeError) console.error(`staff: ${error.sentence}`);
  else console.error(`staff failed: ${error instanceof ConfigError ? error.message : (error as Error).stack}`);
  process.exit(1);
});
