import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/lib/config";
import { freshDatabase } from "@/lib/testing/db";
import { claimIdempotencyKey } from "./idempotency";
import { createApiKey } from "./keys";
import { problem } from "./problem";

let handle: Awaited<ReturnType<typeof freshDatabase>>;
let keyId: string;

beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-api-idem-"));
  process.env.HEADLAND_MODE = "sandbox";
  resetConfigForTests();
  handle = await freshDatabase();
  keyId = (await createApiKey({ name: "CRM", scope: "write" }, "staff:ann@partner.test")).id;
}, 120_000);
afterAll(() => handle.close());

const request = { name: "Ada", email: "ada@farm.test" };

async function claimed(idempotencyKey: string, body: unknown = request) {
  const claim = await claimIdempotencyKey(keyId, idempotencyKey, body);
  if (claim.kind !== "claimed") throw new Error(`expected a fresh claim, got ${claim.response.status}`);
  return claim;
}

async function answered(idempotencyKey: string, body: unknown = request): Promise<Response> {
  const claim = await claimIdempotencyKey(keyId, idempotencyKey, body);
  if (claim.kind !== "answered") throw new Error("expected an answer from the earlier request");
  return claim.response;
}

describe("Idempotency-Key", () => {
  it("answers a retry with the first response, marked as replayed", async () => {
    const first = await (await claimed("k-1")).finish(Response.json({ id: "leaf-1" }, { status: 201 }));
    expect(first.status).toBe(201);
    const again = await answered("k-1");
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual({ id: "leaf-1" });
  });

  it("refuses the same key with a different body: a 422 problem", async () => {
    await (await claimed("k-2")).finish(Response.json({ id: "leaf-2" }, { status: 201 }));
    const other = await answered("k-2", { ...request, name: "Bo" });
    expect(other.status).toBe(422);
    expect(other.headers.get("content-type")).toBe("application/problem+json");
    expect((await other.json()).title).toBe("Idempotency-Key reused with a different request");
  });

  it("tells a retry racing the first request to wait: 409 with Retry-After", async () => {
    const first = await claimed("k-3");
    const racing = await answered("k-3");
    expect(racing.status).toBe(409);
    expect(racing.headers.get("retry-after")).toBe("1");
    await first.finish(Response.json({ id: "leaf-3" }, { status: 201 }));
    expect((await answered("k-3")).status).toBe(201);
  });

  it("keeps a 4xx answer but releases the key after a 5xx, so the retry does the work", async () => {
    await (await claimed("k-4")).finish(problem("conflict", "taken"));
    const kept = await answered("k-4");
    expect(kept.status).toBe(409);
    expect(kept.headers.get("content-type")).toBe("application/problem+json");
    await (await claimed("k-5")).finish(problem("leaf_unavailable", "down"));
    await claimed("k-5");
  });

  it("keeps keys apart per API key", async () => {
    const other = await createApiKey({ name: "Other", scope: "write" }, "staff:ann@partner.test");
    await (await claimed("k-6")).finish(Response.json({ id: "mine" }, { status: 201 }));
    expect((await claimIdempotencyKey(other.id, "k-6", request)).kind).toBe("claimed");
  });
});
