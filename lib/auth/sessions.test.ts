import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { JWT } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig, resetConfigForTests } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { freshDatabase } from "@/lib/testing/db";
import { authOptions } from "./options";
import { endGrowerSessions, endSession, endStaffSessions, sessionIsLive, startSession } from "./sessions";
import { ensureStaffAccount } from "./staff";

let db: Db;
let close: () => Promise<void>;
const hour = 3600_000;
const baseEnv = () => ({ HEADLAND_DATA_DIR: process.env.HEADLAND_DATA_DIR, HEADLAND_MODE: "sandbox" });

beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-sessions-"));
  process.env.HEADLAND_MODE ??= "sandbox";
  resetConfigForTests();
  const handle = await freshDatabase();
  db = handle.db;
  close = () => handle.close();
});
afterAll(() => close());
afterEach(() => vi.useRealTimers());

const grower = (leafUserId: string) => ({ role: "grower" as const, leafUserId });
const staff = (email: string) => ({ role: "staff" as const, email });
const tokenOf = (started: { sid: string; expiresAt: number }) => ({
  sid: started.sid,
  sessionExpiresAt: started.expiresAt,
});

describe("session lifetimes", () => {
  it("are 12 hours for staff and 30 days for growers unless configured", () => {
    expect(loadConfig(baseEnv()).sessionLifetimeMs).toEqual({
      staff: 12 * hour,
      grower: 30 * 24 * hour,
    });
    const configured = loadConfig({
      ...baseEnv(),
      HEADLAND_STAFF_SESSION_HOURS: "8",
      HEADLAND_GROWER_SESSION_DAYS: "0.5",
    });
    expect(configured.sessionLifetimeMs).toEqual({ staff: 8 * hour, grower: 12 * hour });
    expect(() => loadConfig({ ...baseEnv(), HEADLAND_STAFF_SESSION_HOURS: "0" })).toThrow(
      /HEADLAND_STAFF_SESSION_HOURS/,
    );
  });

  it("are absolute: a session is refused once its lifetime from sign-in passed, whatever the token says", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-01T08:00:00Z") });
    const started = await startSession(staff("ann@partner.test"));
    expect(started.expiresAt).toBe(Date.parse("2026-03-01T20:00:00Z"));
    vi.setSystemTime(new Date("2026-03-01T19:59:00Z"));
    expect(await sessionIsLive(tokenOf(started))).toBe(true);
    // A token claiming a later expiry (as if re-issued) is still held to the row's.
    expect(await sessionIsLive({ ...tokenOf(started), sessionExpiresAt: started.expiresAt + 24 * hour })).toBe(true);
    vi.setSystemTime(new Date("2026-03-01T20:00:01Z"));
    expect(await sessionIsLive({ ...tokenOf(started), sessionExpiresAt: started.expiresAt + 24 * hour })).toBe(false);
    expect(await sessionIsLive(tokenOf(started))).toBe(false);
  });
});

describe("ending sessions", () => {
  it("sign-out ends that session only", async () => {
    const [a, b] = [await startSession(grower("leaf-a")), await startSession(grower("leaf-a"))];
    await endSession(a.sid);
    expect(await sessionIsLive(tokenOf(a))).toBe(false);
    expect(await sessionIsLive(tokenOf(b))).toBe(true);
  });

  it("a new invite ends every session of that grower, and no one else's", async () => {
    const mine = [await startSession(grower("leaf-b")), await startSession(grower("leaf-b"))];
    const theirs = await startSession(grower("leaf-c"));
    expect(await endGrowerSessions("leaf-b")).toBe(2);
    for (const s of mine) expect(await sessionIsLive(tokenOf(s))).toBe(false);
    expect(await sessionIsLive(tokenOf(theirs))).toBe(true);
  });

  it("a token without a sid, or with one Headland never recorded, is refused", async () => {
    expect(await sessionIsLive({})).toBe(false);
    expect(await sessionIsLive({ sid: crypto.randomUUID(), sessionExpiresAt: Date.now() + hour })).toBe(false);
    expect(await sessionIsLive({ sid: "not-a-uuid", sessionExpiresAt: Date.now() + hour })).toBe(false);
  });

  it("a changed staff password at start ends that staff member's sessions; an unchanged one does not", async () => {
    const account = { email: "pat@partner.test", password: "first password" };
    await ensureStaffAccount(account);
    const before = await startSession(staff(account.email));
    await ensureStaffAccount(account);
    expect(await sessionIsLive(tokenOf(before))).toBe(true);
    const other = await startSession(staff("someone@partner.test"));
    await ensureStaffAccount({ ...account, password: "second password" });
    expect(await sessionIsLive(tokenOf(before))).toBe(false);
    expect(await sessionIsLive(tokenOf(other))).toBe(true);
    expect(await endStaffSessions("someone@partner.test")).toBe(1);
  });
});

describe("next-auth's callbacks", () => {
  const callbacks = () => authOptions().callbacks!;

  it("record the session at sign-in and put its absolute expiry in the token", async () => {
    const token = (await callbacks().jwt!({
      token: { name: "Ada" } as JWT,
      user: { id: "g1", name: "Ada", role: "grower", leafUserId: "leaf-d" },
      account: null,
    })) as JWT;
    expect(token).toMatchObject({ role: "grower", leafUserId: "leaf-d", sid: expect.any(String) });
    expect(token.sessionExpiresAt).toBeGreaterThan(Date.now() + 29 * 24 * hour);
    expect(await callbacks().jwt!({ token, account: null } as never)).toEqual(token);
  });

  it("refuse a token whose session was signed out: getServerSession and /api/auth/session answer none", async () => {
    const token = (await callbacks().jwt!({
      token: {} as JWT,
      user: { id: "s1", email: "ann@partner.test", role: "staff" },
      account: null,
    })) as JWT;
    await authOptions().events!.signOut!({ token, session: undefined as never });
    await expect(callbacks().jwt!({ token, account: null } as never)).rejects.toThrow("session_ended");
  });
});

describe("the check on every request", () => {
  it("is one primary-key read, a fraction of a millisecond on PGlite (median of 1,000)", async () => {
    for (let i = 0; i < 2000; i++) await startSession(grower(`leaf-bulk-${i % 500}`));
    const live = tokenOf(await startSession(grower("leaf-e")));
    await db.execute(sql`analyze sessions`);
    const plan = await db.execute(
      sql`explain select expires_at, ended_at from sessions where sid = ${live.sid} limit 1`,
    );
    expect(JSON.stringify((plan as unknown as { rows: unknown[] }).rows)).toMatch(/Index Scan using sessions_pkey/);

    const timings: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const start = performance.now();
      await sessionIsLive(live);
      timings.push(performance.now() - start);
    }
    timings.sort((a, b) => a - b);
    const median = timings[500]!;
    const p95 = timings[950]!;
    console.log(`session check on PGlite: median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms over 1,000 lookups`);
    expect(median).toBeLessThan(5);
  });
});
