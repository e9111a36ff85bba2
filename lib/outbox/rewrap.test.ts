import { createCipheriv, randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { open, parseKeyring } from "@/lib/crypto/seal";
import { deliveries } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { rewrapDeliveries, rowsUnderOlderKeys } from "./rewrap";
import { deliveryBinding, openTokens, sealTokens } from "./sealing";

const key = () => randomBytes(32).toString("base64url");
const [oldKey, newKey] = [`k1:${key()}`, `k2:${key()}`];
const before = parseKeyring(oldKey);
const rotated = parseKeyring(`${newKey},${oldKey}`);
const newOnly = parseKeyring(newKey);
const tokens = (n: string) => ({ accessToken: `at_${n}`, refreshToken: `rt_${n}` });

let handle: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => (handle = await freshDatabase()));
afterAll(() => handle.close());

function row(n: string) {
  return { id: randomUUID(), leafUserId: `grower-${n}`, provider: "trimble", correlationId: `corr-${n}` };
}

/** As Headland sealed before v2: no version prefix, the row id alone as associated data. */
function sealedBeforeV2(id: string, plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", before.current.key, nonce);
  cipher.setAAD(Buffer.from(id, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]).toString("base64url");
}

describe("keys:rewrap", () => {
  it("re-seals waiting rows under the newest key so the old one can be dropped", async () => {
    const db = handle.db;
    const pending = row("a");
    const failed = row("b");
    const legacy = row("c");
    const lost = row("d");
    await db.insert(deliveries).values([
      { ...pending, ...sealTokens(before, pending, tokens("a")) },
      { ...failed, ...sealTokens(before, failed, tokens("b")), state: "failed" },
      { ...legacy, keyId: "k1", sealed: sealedBeforeV2(legacy.id, JSON.stringify(tokens("c"))) },
      { ...lost, keyId: "k0", sealed: "v2.AAAA" },
    ]);

    expect(await rewrapDeliveries(db, rotated)).toEqual({ rewrapped: 3, current: 0, unopenable: 1, changed: 0 });
    const rows = new Map((await db.select().from(deliveries)).map((r) => [r.id, r]));
    for (const [r, n] of [
      [pending, "a"],
      [failed, "b"],
      [legacy, "c"],
    ] as const) {
      const after = rows.get(r.id)!;
      expect(after.keyId).toBe("k2");
      // Opens with the new key alone, and only for its own grower: the legacy row gained the full binding.
      expect(openTokens(newOnly, after)).toEqual(tokens(n));
      expect(() =>
        open(newOnly, deliveryBinding({ ...after, leafUserId: "someone-else" }), "k2", after.sealed),
      ).toThrow();
    }
    expect(rows.get(failed.id)?.state).toBe("failed");
    expect(rows.get(lost.id)).toMatchObject({ keyId: "k0", sealed: "v2.AAAA" });
    expect(await rowsUnderOlderKeys(db, rotated)).toEqual(new Map([["k0", 1]]));

    // A second run has nothing left to do.
    expect(await rewrapDeliveries(db, rotated)).toEqual({ rewrapped: 0, current: 3, unopenable: 1, changed: 0 });
  });
});
