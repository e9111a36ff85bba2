import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { database } from "@/lib/db/client";
import { oauthTransactions } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { beginTransaction, consumeTransaction, transactionLifetimeMs } from "./transactions";

// A grower who closes the tab at the provider (or loses signal) leaves a transaction nobody spends. What
// happens to it decides whether starting again from /connections "just works".

const start = {
  provider: "trimble",
  leafUserId: "leaf-gone",
  sessionId: "sid-gone",
  pkce: true,
  returnTo: "/connections",
};
const expected = { provider: "trimble", sessionId: "sid-gone" };
let close: () => Promise<void>;
beforeAll(async () => ({ close } = await freshDatabase()), 60_000);
afterAll(() => close());

async function rowsFor(leafUserId: string) {
  const db = await database();
  return db.select().from(oauthTransactions).where(eq(oauthTransactions.leafUserId, leafUserId));
}

describe("an abandoned consent flow", () => {
  it("does not stand in the way of a new one: each start has its own state, and the new one completes", async () => {
    const abandoned = await beginTransaction(start);
    const again = await beginTransaction(start);
    expect(again.state).not.toBe(abandoned.state);
    const done = await consumeTransaction(again.state, expected);
    expect(done.leafUserId).toBe("leaf-gone");
    // The abandoned one is left unspent; its own tab, if it ever comes back in time, may still finish it.
    const rows = await rowsFor("leaf-gone");
    expect(rows.map((r) => Boolean(r.consumedAt)).sort()).toEqual([false, true]);
  });

  it("expires after its lifetime, and is swept a day after that by the next start", async () => {
    const lifetime = transactionLifetimeMs();
    const longAgo = new Date(Date.now() - lifetime - 25 * 3600 * 1000);
    const old = await beginTransaction({ ...start, leafUserId: "leaf-old" }, longAgo);
    expect((await consumeTransaction(old.state, expected).catch((e) => e)).code).toBe("link_expired");
    expect(await rowsFor("leaf-old")).toHaveLength(1);

    await beginTransaction({ ...start, leafUserId: "leaf-new" });
    expect(await rowsFor("leaf-old")).toHaveLength(0);
  });
});
