import { mkdtempSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordStatus } from "@/lib/connections/snapshots";
import type { Db } from "@/lib/db/client";
import { growers, webhookDeliveries } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { createEndpoint } from "./endpoints";
import { resetWebhookSettingsForTests } from "./settings";
import { verifySignature } from "./signature";
import { drainWebhooks } from "./worker";

let db: Db;
let close: () => Promise<void>;
let server: Server;
let receiverUrl: string;
const arrivals: { headers: IncomingHttpHeaders; raw: string; answered: number }[] = [];
let refusals = 0;

beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-webhook-worker-"));
  process.env.HEADLAND_MODE ??= "sandbox";
  process.env.HEADLAND_WEBHOOK_BASE_MS = "1";
  process.env.HEADLAND_WEBHOOK_CAP_MS = "2";
  resetWebhookSettingsForTests();
  const handle = await freshDatabase();
  db = handle.db;
  close = () => handle.close();
  server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => {
      raw += chunk;
    });
    request.on("end", () => {
      const answered = refusals-- > 0 ? 503 : 200;
      arrivals.push({ headers: request.headers, raw, answered });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => {
    server.closeAllConnections();
    server.close(resolve);
  });
  await close();
});

/** Drains until nothing is waiting (retries are due within milliseconds here). */
async function drainAll(owner?: string): Promise<void> {
  for (let pass = 0; pass < 50; pass++) {
    await drainWebhooks(10, owner);
    const waiting = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.state, "pending"));
    if (waiting.length === 0) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error("deliveries still waiting");
}

describe("the webhook worker", () => {
  it("POSTs each event signed, retries a failing receiver, and keeps a grower's events in order", async () => {
    const { secret } = await createEndpoint("staff:test", {
      url: receiverUrl,
      eventTypes: ["connection.connected", "connection.broken"],
    });
    await db.insert(growers).values({ leafUserId: "worker-1", name: "Wren Field", email: "wren@farm.test" });
    refusals = 3;
    await recordStatus("worker-1", "deere", "ok", "OK");
    await recordStatus("worker-1", "deere", "reauth", "UNAUTHENTICATED");
    await drainAll();

    expect(arrivals.map((a) => a.answered)).toEqual([503, 503, 503, 200, 200]);
    const bodies = arrivals.map((a) => JSON.parse(a.raw));
    // The break waited behind the connect until that was through.
    expect(bodies.map((b) => b.type)).toEqual([...Array(4).fill("connection.connected"), "connection.broken"]);
    expect(bodies[4]).toEqual({
      id: expect.any(Number),
      type: "connection.broken",
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: {
        grower: { leafUserId: "worker-1", name: "Wren Field", email: "wren@farm.test" },
        provider: "deere",
        status: "reauth",
        statusLabel: "Needs reconnect",
        reason: "UNAUTHENTICATED",
        previousStatus: "ok",
      },
    });
    for (const arrival of arrivals) {
      expect(verifySignature(secret, arrival.raw, arrival.headers["headland-signature"] as string).ok).toBe(true);
      expect(arrival.headers["headland-event-id"]).toBe(String(JSON.parse(arrival.raw).id));
    }
    const rows = await db.select().from(webhookDeliveries).orderBy(webhookDeliveries.id);
    expect(rows.map((r) => [r.state, r.attempts, r.lastStatusCode])).toEqual([
      ["delivered", 4, 200],
      ["delivered", 1, 200],
    ]);
  });

  it("lets only the instance holding the job lease deliver", async () => {
    arrivals.length = 0;
    await recordStatus("worker-2", "deere", "ok", "OK");
    // This process took the lease in the test above; another instance finds it held and sends nothing.
    expect(await drainWebhooks(10, "another-instance")).toBe(0);
    expect(arrivals).toHaveLength(0);
    expect(await drainWebhooks(10)).toBe(1);
    expect(arrivals).toHaveLength(1);
  });
});
