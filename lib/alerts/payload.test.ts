import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import dashboard from "@/messages/en/dashboard.json";
import { type AlertsHealth, type AlertsTranslate, alertsLine as line } from "./health";
import { leafUserOf, providerKey, readAlert } from "./payload";

const now = Date.parse("2026-06-01T12:00:00Z");
const hour = 3600_000;
const alert = (timestamp: string | number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: "credentialsUnauthenticated", provider: "JohnDeere", timestamp, ...extra });

describe("readAlert", () => {
  it("accepts a fresh alert, including one Leaf retries hours later", () => {
    expect(readAlert(alert("2026-06-01T11:59:59.000000Z"), now, 6 * hour).ok).toBe(true);
    expect(readAlert(alert(now - 5 * hour), now, 6 * hour).ok).toBe(true);
  });

  it("refuses a stale alert, and one from the future beyond clock skew", () => {
    expect(readAlert(alert(now - 7 * hour), now, 6 * hour)).toEqual({ ok: false, reason: "stale" });
    expect(readAlert(alert(now + 10 * 60_000), now, 6 * hour)).toEqual({ ok: false, reason: "stale" });
  });

  it("refuses what is not an alert", () => {
    expect(readAlert("not json", now, hour)).toEqual({ ok: false, reason: "malformed" });
    expect(readAlert(JSON.stringify({ type: "x" }), now, hour)).toEqual({ ok: false, reason: "malformed" });
    expect(readAlert(alert("yesterday-ish"), now, hour)).toEqual({ ok: false, reason: "malformed" });
  });

  it("finds the grower in the credential, and reduces provider names to compare them", () => {
    const verdict = readAlert(alert(now, { credential: { id: "c1", leafUserId: "u1" } }), now, hour);
    expect(verdict.ok && leafUserOf(verdict.alert)).toBe("u1");
    expect(providerKey("JohnDeere")).toBe(providerKey("john-deere"));
    expect(providerKey("ClimateFieldView")).toBe(providerKey("climate-field-view"));
  });
});

describe("alertsLine", () => {
  it("says when Leaf was last heard from, or that it is not registered", () => {
    const t = createTranslator({ locale: "en", messages: { dashboard }, namespace: "dashboard.alerts" });
    const alertsLine = (health: AlertsHealth, at: number) => line(t as AlertsTranslate, health, at);
    expect(alertsLine({ registered: true, lastHeardAt: new Date(now - 60_000).toISOString() }, now)).toBe(
      "Leaf alerts: last heard 1 minute ago",
    );
    expect(alertsLine({ registered: true, lastHeardAt: new Date(now - 3 * 86_400_000).toISOString() }, now)).toBe(
      "Leaf alerts: last heard 3 days ago",
    );
    const heard = new Date(now - 2 * 60_000).toISOString();
    expect(alertsLine({ registered: true, lastHeardAt: heard }, now)).toBe("Leaf alerts: last heard 2 minutes ago");
    expect(alertsLine({ registered: true, lastHeardAt: null }, now)).toBe(
      "Leaf alerts: registered, not heard from yet",
    );
    expect(alertsLine({ registered: false, lastHeardAt: null }, now)).toBe("Leaf alerts: not registered");
  });
});
