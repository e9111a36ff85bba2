import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/lib/config";
import { rateLimits } from "@/lib/db/schema";
import { clientAddressHeader } from "@/lib/http/client-address";
import { freshDatabase } from "@/lib/testing/db";
import { addressAllowed, addressRefused, connectAllowed as bothAllowed, sessionAllowed } from "./throttle";

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  Object.assign(process.env, {
    HEADLAND_DATA_DIR: mkdtempSync(path.join(tmpdir(), "headland-connect-throttle-")),
    HEADLAND_MODE: process.env.HEADLAND_MODE ?? "sandbox",
    HEADLAND_CONNECT_LIMIT_PER_SESSION: "3",
    HEADLAND_CONNECT_LIMIT_PER_ADDRESS: "5",
  });
  resetConfigForTests();
  database = await freshDatabase();
}, 60_000); // migrations and a cost-12 bcrypt hash, on a busy machine
afterAll(async () => {
  delete process.env.HEADLAND_CONNECT_LIMIT_PER_SESSION;
  delete process.env.HEADLAND_CONNECT_LIMIT_PER_ADDRESS;
  resetConfigForTests();
  await database.close();
});

const from = (address: string, extra: Record<string, string> = {}) =>
  new Headers({ [clientAddressHeader]: address, ...extra });

/** What the routes do: the address first, then the session. */
async function connectAllowed(step: "start" | "callback", headers: Headers, sid?: string) {
  return (await addressAllowed(step, headers)) && (await sessionAllowed(step, sid));
}

async function tries(n: number, step: "start" | "callback", headers: Headers, sid?: string) {
  const results: boolean[] = [];
  for (let i = 0; i < n; i++) results.push(await connectAllowed(step, headers, sid));
  return results;
}

describe("consent start and callback limits", () => {
  it("refuse a session past its per-minute limit; another session from the same address goes on", async () => {
    expect(await tries(4, "start", from("198.51.100.1"), "session-a")).toEqual([true, true, true, false]);
    expect(await connectAllowed("start", from("198.51.100.1"), "session-b")).toBe(true);
  });

  it("refuse an address past its limit, whatever session or X-Forwarded-For it sends; others go on", async () => {
    const sessions = ["s1", "s2", "s3", "s4", "s5", "s6"];
    const results = [];
    for (const [i, sid] of sessions.entries())
      results.push(await connectAllowed("start", from("198.51.100.2", { "x-forwarded-for": `203.0.113.${i}` }), sid));
    expect(results).toEqual([true, true, true, true, true, false]);
    expect(await connectAllowed("start", from("198.51.100.3"), "s7")).toBe(true);
  });

  it("count signed-out requests by address alone", async () => {
    expect(await tries(6, "start", from("198.51.100.4"))).toEqual([true, true, true, true, true, false]);
  });

  it("keep the callback's count apart from the start's: a grower who started often can still come back", async () => {
    await tries(3, "start", from("198.51.100.5"), "session-c");
    expect(await connectAllowed("start", from("198.51.100.5"), "session-c")).toBe(false);
    expect(await tries(4, "callback", from("198.51.100.5"), "session-c")).toEqual([true, true, true, false]);
  });

  it("answer a refused address from memory for the rest of its minute: a flood costs no database write", async () => {
    const count = async () =>
      (await database.db.select().from(rateLimits).where(eq(rateLimits.key, "connect-start:address:198.51.100.6")))[0]
        ?.count;
    expect(await tries(8, "start", from("198.51.100.6"))).toEqual([true, true, true, true, true, false, false, false]);
    expect(await count()).toBe(6);
  });
});

describe("both limits in one statement (the routes' path)", () => {
  const keyCount = async (key: string) =>
    (await database.db.select().from(rateLimits).where(eq(rateLimits.key, key)))[0]?.count;

  it("count the address and the session together, refusing past either limit", async () => {
    const headers = from("198.51.100.20");
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await bothAllowed("callback", headers, "session-both"));
    expect(results).toEqual([true, true, true, false]);
    expect(await keyCount("connect-callback:session:session-both")).toBe(4);
    expect(await keyCount("connect-callback:address:198.51.100.20")).toBe(4);
    // Another session from the same address: the address has one try left of its 5.
    expect(await bothAllowed("callback", headers, "session-other")).toBe(true);
    expect(addressRefused("callback", headers)).toBe(false);
    expect(await bothAllowed("callback", headers, "session-third")).toBe(false);
    expect(addressRefused("callback", headers)).toBe(true);
  });

  it("count a signed-out request by its address alone", async () => {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await bothAllowed("start", from("198.51.100.21"), undefined));
    expect(results).toEqual([true, true, true, true, true, false]);
  });
});
