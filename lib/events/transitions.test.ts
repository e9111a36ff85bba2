import { describe, expect, it } from "vitest";
import { eventFor, mayBeNews } from "./transitions";

describe("eventFor", () => {
  it("calls a first working connection connected, and a working one after a break repaired", () => {
    expect(eventFor("processing", "ok", null)).toBe("connection.connected");
    expect(eventFor(null, "ok", null)).toBe("connection.connected");
    expect(eventFor("pending", "ok", "connection.broken")).toBe("connection.repaired");
    expect(eventFor("reauth", "ok", "connection.broken")).toBe("connection.repaired");
    expect(eventFor("not_connected", "ok", "connection.disconnected")).toBe("connection.connected");
  });

  it("calls entering any problem status a break, once", () => {
    for (const status of ["reauth", "missing_permission", "no_organizations", "unavailable", "error"] as const) {
      expect(eventFor("ok", status, "connection.connected")).toBe("connection.broken");
    }
    expect(eventFor("processing", "error", null)).toBe("connection.broken");
    // A different problem of a connection already broken, or a reconnect that fails again, is not news.
    expect(eventFor("reauth", "missing_permission", "connection.broken")).toBeNull();
    expect(eventFor("pending", "reauth", "connection.broken")).toBeNull();
  });

  it("calls losing a connection partners knew of a disconnect, and nothing else", () => {
    expect(eventFor("ok", "not_connected", "connection.connected")).toBe("connection.disconnected");
    expect(eventFor("reauth", "not_connected", "connection.broken")).toBe("connection.disconnected");
    expect(eventFor("pending", "not_connected", null)).toBeNull();
    expect(eventFor("ok", "not_connected", "connection.disconnected")).toBeNull();
  });

  it("never makes news of settling or of staying put", () => {
    expect(eventFor("ok", "pending", "connection.connected")).toBeNull();
    expect(eventFor("reauth", "processing", "connection.broken")).toBeNull();
    expect(eventFor("ok", "ok", "connection.connected")).toBeNull();
    expect(mayBeNews("ok", "ok")).toBe(false);
    expect(mayBeNews("unavailable", "reauth")).toBe(false);
    expect(mayBeNews("processing", "ok")).toBe(true);
  });
});
