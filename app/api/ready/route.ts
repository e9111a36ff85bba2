// GET /api/ready: for load balancers. 200 once the database answers and has every migration this build
// ships; 503 otherwise. Leaf is not asked (/api/health reports it): Leaf being down is no reason to take
// an instance out of rotation, since the outbox holds deliveries until Leaf is back.
import { database } from "@/lib/db/client";
import { pendingMigrations } from "@/lib/db/readiness";

const noStore = { "cache-control": "no-store" };

export async function GET() {
  try {
    const pending = await pendingMigrations(await database());
    if (pending.length > 0)
      return Response.json({ status: "not ready", pendingMigrations: pending }, { status: 503, headers: noStore });
    return Response.json({ status: "ready" }, { headers: noStore });
  } catch {
    return Response.json({ status: "not ready", db: "error" }, { status: 503, headers: noStore });
  }
}

export const dynamic = "force-dynamic";
