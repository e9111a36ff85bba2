import { describe, expect, it } from "vitest";
import { signatureFor, verifySignature } from "./signature";

const secret = "whsec_test-secret";
const body = JSON.stringify({ id: 7, type: "connection.broken", data: { reason: "UNAUTHENTICATED" } });
const now = 1_800_000_000;

describe("webhook signatures", () => {
  it("verify over the timestamp and the raw body, as a receiver checks them", () => {
    const header = signatureFor(secret, body, now);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, body, header, { nowSeconds: now + 10 })).toEqual({ ok: true, timestamp: now });
  });

  it("refuse a changed body, another secret, a moved timestamp or a missing header", () => {
    const header = signatureFor(secret, body, now);
    const refused = (b: string, s: string, h: string | null) => verifySignature(s, b, h, { nowSeconds: now }).ok;
    expect(refused(body.replace("UNAUTHENTICATED", "OK"), secret, header)).toBe(false);
    expect(refused(`${body} `, secret, header)).toBe(false);
    expect(refused(body, "whsec_other", header)).toBe(false);
    expect(refused(body, secret, header.replace(`t=${now}`, `t=${now + 1}`))).toBe(false);
    expect(refused(body, secret, header.replace(/v1=\w+/, "v1=00"))).toBe(false);
    expect(refused(body, secret, null)).toBe(false);
    expect(refused(body, secret, "v1=abc")).toBe(false);
  });

  it("refuse a genuine signature replayed outside the five-minute window, either way", () => {
    const header = signatureFor(secret, body, now);
    expect(verifySignature(secret, body, header, { nowSeconds: now + 301 })).toEqual({
      ok: false,
      reason: "timestamp outside the tolerance",
    });
    expect(verifySignature(secret, body, header, { nowSeconds: now - 301 }).ok).toBe(false);
    expect(verifySignature(secret, body, header, { nowSeconds: now + 3600, toleranceSeconds: 7200 }).ok).toBe(true);
  });

  it("accept any one of several v1 values (a secret being rotated)", () => {
    const genuine = signatureFor(secret, body, now).split(",")[1];
    expect(verifySignature(secret, body, `t=${now},v1=${"ab".repeat(32)},${genuine}`, { nowSeconds: now }).ok).toBe(
      true,
    );
  });
});
