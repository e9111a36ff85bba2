import { describe, expect, it } from "vitest";
import { type ProviderHealthFigures, percent, verdictOf } from "./verdict";

const figures = (brokeToday: number, connections: number, normalShare: number): ProviderHealthFigures => ({
  provider: "john-deere",
  name: "John Deere",
  connections,
  brokeToday,
  shareToday: connections ? brokeToday / connections : 0,
  normalShare,
});

describe("verdictOf", () => {
  it("calls many breaks far above the norm an outage", () => {
    expect(verdictOf(figures(12, 100, 0.004))).toBe("outage");
  });

  it("calls one grower's revoked consent isolated, even far above a quiet norm", () => {
    expect(verdictOf(figures(1, 100, 0))).toBe("isolated");
    expect(verdictOf(figures(2, 10, 0))).toBe("isolated");
  });

  it("calls a day like the others normal, and a day without breaks quiet", () => {
    expect(verdictOf(figures(8, 1000, 0.006))).toBe("normal");
    expect(verdictOf(figures(0, 1000, 0.006))).toBe("quiet");
  });

  it("does not call a provider that always breaks this much an outage", () => {
    expect(verdictOf(figures(12, 100, 0.1))).toBe("normal");
  });
});

describe("percent", () => {
  it("shows whole percent from 10 up, one decimal below, and never rounds a break to 0", () => {
    expect(percent(0.12)).toBe("12%");
    expect(percent(0.004)).toBe("0.4%");
    expect(percent(0.00001)).toBe("0.1%");
    expect(percent(0)).toBe("0%");
  });
});
