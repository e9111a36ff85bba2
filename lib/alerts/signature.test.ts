import * as crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// The real timingSafeEqual, watched: a verified signature must go through it, never through `===`.
vi.mock("node:crypto", async (original) => {
  const actual = await original<typeof import("node:crypto")>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const { deliveryId, signBody, verifySignature } = await import("./signature");

const secret = "whsec-test-0123456789";
const body = '{"type":"credentialsUnauthenticated","timestamp":"2026-01-01T00:00:00.000000Z"}';

describe("Leaf webhook signature", () => {
  it("is the base64 HMAC-SHA256 of the raw body", () => {
    const expected = crypto.createHmac("sha256", secret).update(body).digest("base64");
    expect(signBody(body, secret)).toBe(expected);
    expect(verifySignature(body, expected, secret)).toBe(true);
  });

  it("compares in constant time", () => {
    vi.mocked(crypto.timingSafeEqual).mockClear();
    const signature = signBody(body, secret);
    const lastByteWrong = Buffer.from(signature, "base64");
    lastByteWrong[31]! ^= 1;
    expect(verifySignature(body, lastByteWrong.toString("base64"), secret)).toBe(false);
    expect(verifySignature(body, signature, secret)).toBe(true);
    expect(crypto.timingSafeEqual).toHaveBeenCalledTimes(2);
  });

  it("refuses a missing, empty, short, re-serialized or other-secret signature", () => {
    const signature = signBody(body, secret);
    expect(verifySignature(body, null, secret)).toBe(false);
    expect(verifySignature(body, "", secret)).toBe(false);
    expect(verifySignature(body, signature.slice(0, 20), secret)).toBe(false);
    expect(verifySignature(body, "not base64 at all!", secret)).toBe(false);
    expect(verifySignature(JSON.stringify(JSON.parse(body), null, 1), signature, secret)).toBe(false);
    expect(verifySignature(body, signBody(body, "another-secret-entirely"), secret)).toBe(false);
  });

  it("takes Leaf's delivery id, else a digest of the body that a retry repeats", () => {
    expect(deliveryId(body, "d-123")).toBe("d-123");
    expect(deliveryId(body, null)).toBe(deliveryId(body, null));
    expect(deliveryId(body, null)).not.toBe(deliveryId(`${body} `, null));
    expect(deliveryId(body, "bad id with spaces")).toMatch(/^sha256:/);
  });
});
