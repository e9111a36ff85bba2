import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionSnapshots, growers } from "@/lib/db/schema";
import { providers } from "@/lib/providers/registry";
import { freshDatabase } from "@/lib/testing/db";
import { containsPattern, growerRows } from "./grower-rows";
import { parseDashboardQuery } from "./query";
import { providerSummary } from "./status-counts";

let close: () => Promise<void>;
beforeAll(async () => {
  const handle = await freshDatabase();
  close = handle.close;
  const db = handle.db;
  await db.insert(growers).values([
    { leafUserId: "leaf-ada", name: "Ada Acres", email: "ada@acres.test" },
    { leafUserId: "leaf-bo", name: "bo brook", email: "bo@brook.test" },
    { leafUserId: "leaf-cy", name: "Cy Creek", email: "cy@creek.test" },
    { leafUserId: "leaf-100", name: "Dee 100% Organic", email: "dee@organic.test" },
    ...Array.from({ length: 60 }, (_, i) => ({
      leafUserId: `leaf-z${i}`,
      name: `Zed ${String(i).padStart(2, "0")}`,
      email: `zed${i}@zed.test`,
    })),
  ]);
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
  await db.insert(connectionSnapshots).values([
    { leafUserId: "leaf-ada", provider: "john-deere", status: "reauth", changedAt: at(60) },
    { leafUserId: "leaf-ada", provider: "trimble", status: "ok", changedAt: at(600) },
    { leafUserId: "leaf-bo", provider: "trimble", status: "missing_permission", changedAt: at(5) },
    { leafUserId: "leaf-cy", provider: "climate-fieldview", status: "ok", changedAt: at(1) },
  ]);
});
afterAll(() => close());

const names = async (params: Record<string, string>) =>
  (await growerRows(parseDashboardQuery(params))).rows.map((r) => r.name);

describe("growerRows", () => {
  it("pages by name, case-insensitively, with the total", async () => {
    const first = await growerRows(parseDashboardQuery({}));
    expect(first.total).toBe(64);
    expect(first.rows).toHaveLength(50);
    expect(first.rows.slice(0, 4).map((r) => r.name)).toEqual([
      "Ada Acres",
      "bo brook",
      "Cy Creek",
      "Dee 100% Organic",
    ]);
    expect(await names({ page: "2" })).toHaveLength(14);
  });

  it("gives every page of a view the same total, past the last page too", async () => {
    const totals = await Promise.all(
      ["1", "2", "9"].map(async (page) => (await growerRows(parseDashboardQuery({ page }))).total),
    );
    expect(totals).toEqual([64, 64, 64]);
    expect((await growerRows(parseDashboardQuery({ q: "zed 1" }))).total).toBe(10);
    expect((await growerRows(parseDashboardQuery({ q: "nobody" }))).total).toBe(0);
  });

  it("searches any part of the name, email or Leaf user id", async () => {
    expect(await names({ q: "acre" })).toEqual(["Ada Acres"]);
    expect(await names({ q: "BROOK.TEST" })).toEqual(["bo brook"]);
    expect(await names({ q: "leaf-cy" })).toEqual(["Cy Creek"]);
    expect(await names({ q: "100%" })).toEqual(["Dee 100% Organic"]);
    expect(await names({ q: "1_0" })).toEqual([]);
  });

  it("filters by status: needing attention, or one status", async () => {
    expect(await names({ status: "attention" })).toEqual(["Ada Acres", "bo brook"]);
    expect(await names({ status: "ok" })).toEqual(["Ada Acres", "Cy Creek"]);
    expect(await names({ status: "attention", q: "bo" })).toEqual(["bo brook"]);
  });

  it("sorts by last change, most recent first", async () => {
    expect((await names({ sort: "changed" })).slice(0, 3)).toEqual(["Cy Creek", "bo brook", "Ada Acres"]);
  });

  it("shows each provider's stored status, not connected where nothing is stored", async () => {
    const [ada] = (await growerRows(parseDashboardQuery({ q: "ada" }))).rows;
    const stored: Record<string, string> = { "john-deere": "reauth", trimble: "ok" };
    expect(ada!.cells.map((c) => [c.provider, c.status])).toEqual(
      providers.map((p) => [p.id, stored[p.id] ?? "not_connected"]),
    );
    expect(ada!.cells.find((c) => c.provider === "john-deere")!.since).toEqual(expect.any(String));
    expect(ada!.lastChecked).toEqual(expect.any(String));
  });
});

describe("providerSummary", () => {
  it("counts connected, needing attention and not connected growers per provider", async () => {
    const summary = Object.fromEntries((await providerSummary()).map((s) => [s.provider, s.counts]));
    const stored: Record<string, { connected: number; attention: number }> = {
      "climate-fieldview": { connected: 1, attention: 0 },
      "john-deere": { connected: 0, attention: 1 },
      trimble: { connected: 1, attention: 1 },
    };
    // Every other grower of the 64, and every grower for a provider with nothing stored, is not connected.
    expect(summary).toEqual(
      Object.fromEntries(
        providers.map((p) => {
          const { connected, attention } = stored[p.id] ?? { connected: 0, attention: 0 };
          return [p.id, { connected, attention, not_connected: 64 - connected - attention }];
        }),
      ),
    );
  });
});

describe("containsPattern", () => {
  it("makes LIKE wildcards typed by staff literal", () => {
    expect(containsPattern("a%b_c\\d")).toBe("%a\\%b\\_c\\\\d%");
  });
});
