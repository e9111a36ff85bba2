// GET /api/health: 200 while the app serves; reports the database and Leaf separately.
import { sql } from "drizzle-orm";
import { database } from "@/lib/db/client";
import { leaf } from "@/lib/leaf";
import { listLeafUsers } from "@/lib/leaf/users";

async function probe(check: () => Promise<unknown>): Promise<"ok" | "error"> {
  try {
    await check();
    return "ok";
  } catch {
    return "error";
  }
}

export async function GET() {
  const [db, leafStatus] = await Promise.all([
    probe(async () => (await database()).execute(sql`select 1`)),
    probe(() => listLeafUsers(leaf(), 0, 1)),
  ]);
  return Response.json({ status: "ok", db, leaf: leafStatus }, { headers: { "cache-control": "no-store" } });
}

export const dynamic = "force-dynamic";
