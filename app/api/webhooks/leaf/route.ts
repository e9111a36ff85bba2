// POST /api/webhooks/leaf: Leaf's credential alerts. Answers at once; the Leaf reads happen after.
import { after } from "next/server";
import { processDueAlerts } from "@/lib/alerts/process";
import { maxAlertBytes, receiveAlert } from "@/lib/alerts/receive";
import { logger } from "@/lib/log";

export async function POST(request: Request) {
  if (Number(request.headers.get("content-length") ?? 0) > maxAlertBytes)
    return Response.json({ error: "too_large" }, { status: 413 });
  // The signature covers the exact bytes Leaf sent: read them raw, never re-serialized JSON.
  const receipt = await receiveAlert(await request.text(), request.headers);
  if (receipt.outcome === "stored")
    after(() => processDueAlerts().catch((error) => logger.error({ err: error }, "leaf alert pass failed")));
  const body = receipt.status === 200 ? { received: true } : { error: receipt.outcome };
  return Response.json(body, { status: receipt.status, headers: { "cache-control": "no-store" } });
}

export const dynamic = "force-dynamic";
