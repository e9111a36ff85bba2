import { describe, expect, it } from "vitest";
import { formatDateTime, formatNumber } from "./format";

const moment = new Date("2026-12-02T19:40:00Z");

describe("formatDateTime", () => {
  it("writes the moment in the viewer's locale and time zone", () => {
    expect(formatDateTime(moment, { locale: "en", timeZone: "UTC" })).toBe("Dec 2, 2026, 7:40 PM");
    expect(formatDateTime(moment, { locale: "pt-BR", timeZone: "America/Sao_Paulo" })).toBe("2 de dez. de 2026, 16:40");
    expect(formatDateTime(moment.toISOString(), { locale: "es", timeZone: "Europe/Madrid", style: "date" })).toBe(
      "2 dic 2026",
    );
  });

  it("names the zone when asked, and gives nothing for an invalid date", () => {
    expect(formatDateTime(moment, { locale: "en", timeZone: "UTC", withZone: true })).toBe("Dec 2, 2026, 7:40 PM UTC");
    expect(formatDateTime("not a date", { locale: "en", timeZone: "UTC" })).toBe("");
  });
});

describe("formatNumber", () => {
  it("groups digits as the locale does", () => {
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
    expect(formatNumber(1234.5, "pt-BR")).toBe("1.234,5");
  });
});
