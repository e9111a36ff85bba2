import { describe, expect, it } from "vitest";
import { dashboardSearch, parseDashboardQuery } from "./query";
import { statusGroup } from "./status-groups";

describe("dashboard query", () => {
  it("reads the view from the URL and writes it back", () => {
    const query = parseDashboardQuery(new URLSearchParams("q=%20ada%20&status=attention&sort=changed&page=3"));
    expect(query).toEqual({ q: "ada", status: "attention", sort: "changed", page: 3 });
    expect(dashboardSearch(query)).toBe("?q=ada&status=attention&sort=changed&page=3");
  });

  it("falls back to the plain dashboard for anything it cannot read", () => {
    const query = parseDashboardQuery({ status: "nonsense", sort: "size", page: "-2" });
    expect(query).toEqual({ q: "", status: undefined, sort: "name", page: 1 });
    expect(dashboardSearch(query)).toBe("");
  });
});

describe("statusGroup", () => {
  it.each([
    ["ok", "connected"],
    ["pending", "connected"],
    ["processing", "connected"],
    ["reauth", "attention"],
    ["missing_permission", "attention"],
    ["unavailable", "attention"],
    ["error", "attention"],
    ["not_connected", "not_connected"],
  ] as const)("%s is %s", (status, group) => {
    expect(statusGroup(status)).toBe(group);
  });
});
