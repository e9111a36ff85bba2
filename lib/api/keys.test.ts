import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as createGrower, GET as listGrowers } from "@/app/api/v1/growers/route";
import { resetConfigForTests } from "@/lib/config";
import { apiKeys, auditLog, rateLimits } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { createApiKey, hashApiKey, listApiKeys, revokeApiKey } from "./keys";
import { callApi } from "./testing";

let handle: Awaited<ReturnType<typeof freshDatabase>>;
const admin = "staff:ann@partner.test";

beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-api-keys-"));
  process.env.HEADLAND_MODE = "sandbox";
  resetConfigForTests();
  handle = await freshDatabase();
}, 120_000);
afterAll(() => handle.close());
beforeEach(async () => {
  delete process.env.HEADLAND_API_RATE_LIMIT_PER_MINUTE;
  await handle.db.delete(rateLimits);
});

const problemOf = async (response: Response) => {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as { type: string; title: string; status: number; detail: string };
};

describe("API keys", () => {
  it("are stored only as a SHA-256 hash, shown masked, with a high-entropy secret", async () => {
    const created = await createApiKey({ name: "CRM sync", scope: "read" }, admin);
    expect(created.key).toMatch(/^hl_test_[A-Za-z0-9_-]{43}$/);
    expect(created.masked).toBe(`hl_test_••••${created.key.slice(-4)}`);
    const rows = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(rows[0]!.keyHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(rows)).not.toContain(created.key);
    expect(JSON.stringify(await listApiKeys())).not.toContain(created.key.slice(8, -4));
  });

  it("authorize /api/v1 by bearer only: no key, a wrong key or a session cookie alone get 401", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer hl_test_nope" }, { cookie: "x=y" }];
    for (const headers of attempts) {
      const response = await callApi(listGrowers, "GET", "/growers", { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect((await problemOf(response)).title).toBe("Missing or unknown API key");
    }
  });

  it("record the last use, and every call in the audit trail under the key's name", async () => {
    const { key, id } = await createApiKey({ name: "Billing", scope: "read" }, admin);
    expect((await callApi(listGrowers, "GET", "/growers", { key })).status).toBe(200);
    const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(row!.lastUsedAt).not.toBeNull();
    const trail = await handle.db.select().from(auditLog).where(eq(auditLog.actor, "api:Billing"));
    expect(trail.map((t) => [t.action, t.outcome])).toEqual([["api GET /growers", "200"]]);
  });

  it("with the read scope cannot write: 403 problem, nothing created", async () => {
    const { key } = await createApiKey({ name: "Reader", scope: "read" }, admin);
    const body = { name: "Ada", email: "ada@farm.test" };
    const response = await callApi(createGrower, "POST", "/growers", { key, body });
    expect(response.status).toBe(403);
    expect((await problemOf(response)).detail).toContain("read-only");
  });

  it("stop working the moment they are revoked", async () => {
    const { key, id } = await createApiKey({ name: "Old CRM", scope: "write" }, admin);
    expect((await callApi(listGrowers, "GET", "/growers", { key })).status).toBe(200);
    expect(await revokeApiKey(id, admin)).toBe(true);
    expect((await callApi(listGrowers, "GET", "/growers", { key })).status).toBe(401);
    expect(await revokeApiKey(id, admin)).toBe(false);
  });

  it("are rate limited per key: past the limit a 429 problem with Retry-After; other keys unaffected", async () => {
    process.env.HEADLAND_API_RATE_LIMIT_PER_MINUTE = "3";
    const busy = await createApiKey({ name: "Busy", scope: "read" }, admin);
    const calm = await createApiKey({ name: "Calm", scope: "read" }, admin);
    const statuses = [];
    const list = (key: string) => callApi(listGrowers, "GET", "/growers", { key });
    for (let i = 0; i < 4; i++) statuses.push((await list(busy.key)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await callApi(listGrowers, "GET", "/growers", { key: busy.key });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await problemOf(limited)).toMatchObject({ status: 429, title: "Too many requests" });
    expect((await callApi(listGrowers, "GET", "/growers", { key: calm.key })).status).toBe(200);
  });
});
