import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { open, parseKeyring, seal } from "./seal";

const key = () => randomBytes(32).toString("base64url");

describe("seal", () => {
  it("round-trips and uses a fresh nonce every time", () => {
    const ring = parseKeyring(`k1:${key()}`);
    const a = seal(ring, "rec-1", "refresh-token");
    const b = seal(ring, "rec-1", "refresh-token");
    expect(a.sealed).not.toEqual(b.sealed);
    expect(open(ring, "rec-1", a.keyId, a.sealed)).toBe("refresh-token");
  });

  it("refuses a sealed value moved to another record", () => {
    const ring = parseKeyring(`k1:${key()}`);
    const { keyId, sealed } = seal(ring, "rec-1", "secret");
    expect(() => open(ring, "rec-2", keyId, sealed)).toThrow();
  });

  it("opens records sealed with an older key after rotation", () => {
    const old = `k1:${key()}`;
    const { keyId, sealed } = seal(parseKeyring(old), "rec", "secret");
    const rotated = parseKeyring(`k2:${key()},${old}`);
    expect(rotated.current.id).toBe("k2");
    expect(open(rotated, "rec", keyId, sealed)).toBe("secret");
  });

  it("rejects a key of the wrong size", () => {
    expect(() => parseKeyring("k1:c2hvcnQ")).toThrow(/32 random bytes/);
  });
});
