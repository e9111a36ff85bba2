import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isCurrent, open, parseKeyring, seal } from "./seal";

const key = () => randomBytes(32).toString("base64url");
const binding = ["rec-1", "leaf-user-1", "trimble"] as const;

/** A value as Headland sealed it before v2: no prefix, the record id alone as associated data. */
function sealedBeforeV2(keyB64: string, recordId: string, plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(keyB64, "base64url"), nonce);
  cipher.setAAD(Buffer.from(recordId, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]).toString("base64url");
}

describe("seal", () => {
  it("round-trips and uses a fresh nonce every time", () => {
    const ring = parseKeyring(`k1:${key()}`);
    const a = seal(ring, binding, "refresh-token");
    const b = seal(ring, binding, "refresh-token");
    expect(a.sealed).not.toEqual(b.sealed);
    expect(open(ring, binding, a.keyId, a.sealed)).toBe("refresh-token");
  });

  it.each([
    ["another record", ["rec-2", "leaf-user-1", "trimble"]],
    ["another grower", ["rec-1", "leaf-user-2", "trimble"]],
    ["another provider", ["rec-1", "leaf-user-1", "john-deere"]],
  ] as const)("refuses a sealed value moved to %s", (_what, moved) => {
    const ring = parseKeyring(`k1:${key()}`);
    const { keyId, sealed } = seal(ring, binding, "secret");
    expect(() => open(ring, moved, keyId, sealed)).toThrow();
  });

  it("opens records sealed with an older key after rotation", () => {
    const old = `k1:${key()}`;
    const { keyId, sealed } = seal(parseKeyring(old), binding, "secret");
    const rotated = parseKeyring(`k2:${key()},${old}`);
    expect(rotated.current.id).toBe("k2");
    expect(open(rotated, binding, keyId, sealed)).toBe("secret");
    expect(isCurrent(rotated, keyId, sealed)).toBe(false);
  });

  it("still opens a value sealed before v2 for its record, and a v2 value cannot pass for one", () => {
    const k = key();
    const ring = parseKeyring(`k1:${k}`);
    const legacy = sealedBeforeV2(k, "rec-1", "secret");
    expect(open(ring, binding, "k1", legacy)).toBe("secret");
    expect(isCurrent(ring, "k1", legacy)).toBe(false);
    expect(() => open(ring, ["rec-2", "leaf-user-1", "trimble"], "k1", legacy)).toThrow();
    // Stripping the version prefix from a bound value would open it under the weaker binding: refused.
    const { sealed } = seal(ring, binding, "secret");
    expect(isCurrent(ring, "k1", sealed)).toBe(true);
    expect(() => open(ring, ["rec-1", "leaf-user-2", "trimble"], "k1", sealed.slice(3))).toThrow();
  });

  it("refuses a tag cut short", () => {
    const ring = parseKeyring(`k1:${key()}`);
    const { sealed } = seal(ring, binding, "");
    // An empty plaintext leaves nonce + tag; keeping 4 bytes of the tag must not verify.
    const raw = Buffer.from(sealed.slice(3), "base64url").subarray(0, 16);
    expect(() => open(ring, binding, "k1", `v2.${raw.toString("base64url")}`)).toThrow();
  });

  it("rejects a key of the wrong size", () => {
    expect(() => parseKeyring("k1:c2hvcnQ")).toThrow(/32 random bytes/);
  });

  it("refuses a key list that repeats an id, which would seal and open with different keys", () => {
    expect(() => parseKeyring(`k1:${key()},k2:${key()},k1:${key()}`)).toThrow(/key id k1 appears more than once/);
    // An entry without an id is named by its position, so it can collide too.
    expect(() => parseKeyring(`k2:${key()},${key()}`)).toThrow(/key id k2/);
  });
});
