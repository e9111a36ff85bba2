import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/lib/testing/db";
import { beginTransaction, consumeTransaction, transactionLifetimeMs } from "./transactions";

const start = { provider: "trimble", leafUserId: "leaf-1", sessionId: "sid-1", pkce: true, returnTo: "/connections" };
let close: () => Promise<void>;
beforeAll(async () => ({ close } = await freshDatabase()));
afterAll(() => close());

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (e: { code?: string }) => e.code,
  );

describe("oauth transactions", () => {
  it("is consumed once, returning the verifier bound to it", async () => {
    const { state, codeChallenge } = await beginTransaction(start);
    expect(codeChallenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const tx = await consumeTransaction(state, { provider: "trimble", sessionId: "sid-1" });
    expect(tx.leafUserId).toBe("leaf-1");
    expect(tx.codeVerifier).toBeTruthy();
    expect(await codeOf(consumeTransaction(state, { provider: "trimble", sessionId: "sid-1" }))).toBe("link_expired");
  });

  it("lets exactly one of many concurrent callbacks win", async () => {
    const { state } = await beginTransaction(start);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => codeOf(consumeTransaction(state, { provider: "trimble", sessionId: "sid-1" }))),
    );
    expect(results.filter((r) => r === "accepted")).toHaveLength(1);
  });

  it("refuses an unknown state", async () => {
    expect(await codeOf(consumeTransaction("made-up", { provider: "trimble", sessionId: "sid-1" }))).toBe(
      "link_expired",
    );
  });

  it("refuses an expired transaction", async () => {
    const past = new Date(Date.now() - transactionLifetimeMs() - 1000);
    const { state } = await beginTransaction(start, past);
    expect(await codeOf(consumeTransaction(state, { provider: "trimble", sessionId: "sid-1" }))).toBe("link_expired");
  });

  it("refuses a state made for another provider (mix-up)", async () => {
    const { state } = await beginTransaction(start);
    expect(await codeOf(consumeTransaction(state, { provider: "john-deere", sessionId: "sid-1" }))).toBe("mismatch");
  });

  it("refuses a state made for another session", async () => {
    const { state } = await beginTransaction(start);
    expect(await codeOf(consumeTransaction(state, { provider: "trimble", sessionId: "sid-2" }))).toBe("mismatch");
  });

  it("is left to its owner when another session or provider presents its state", async () => {
    const { state } = await beginTransaction(start);
    expect(await codeOf(consumeTransaction(state, { provider: "trimble", sessionId: "attacker" }))).toBe("mismatch");
    expect(await codeOf(consumeTransaction(state, { provider: "john-deere", sessionId: "sid-1" }))).toBe("mismatch");
    expect((await consumeTransaction(state, { provider: "trimble", sessionId: "sid-1" })).leafUserId).toBe("leaf-1");
  });

  it("keeps no verifier when the provider uses no PKCE", async () => {
    const { state, codeChallenge } = await beginTransaction({ ...start, pkce: false });
    expect(codeChallenge).toBeUndefined();
    expect((await consumeTransaction(state, { provider: "trimble", sessionId: "sid-1" })).codeVerifier).toBeUndefined();
  });
});
