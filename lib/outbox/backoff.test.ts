import { describe, expect, it } from "vitest";
import { defaultBackoff as backoff, retryDelayMs } from "./backoff";

describe("retryDelayMs", () => {
  it("grows exponentially up to the cap, with full jitter", () => {
    expect(retryDelayMs(0, undefined, () => 0.999)).toBe(Math.floor(0.999 * backoff.baseMs));
    expect(retryDelayMs(3, undefined, () => 0.5)).toBe(backoff.baseMs * 4);
    expect(retryDelayMs(40, undefined, () => 0.999)).toBeLessThanOrEqual(backoff.capMs);
    expect(retryDelayMs(5, undefined, () => 0)).toBe(0);
  });

  it("honors Retry-After as a floor", () => {
    expect(retryDelayMs(0, 30, () => 0.1)).toBe(30_000);
  });
});

describe("retryDelayMs with another policy", () => {
  it("uses the given base", () => {
    expect(retryDelayMs(2, undefined, () => 0.5, { baseMs: 100, capMs: 1000 })).toBe(200);
  });
});
