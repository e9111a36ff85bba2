import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordStatus } from "@/lib/connections/snapshots";
import { freshDatabase } from "@/lib/testing/db";
import { listEvents } from "./list";

let close: () => Promise<void>;

beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-events-"));
  process.env.HEADLAND_MODE ??= "sandbox";
  const handle = await freshDatabase();
  close = () => handle.close();
});
afterAll(() => close());

const typesOf = async (leafUserId: string) =>
  (await listEvents({ leafUserId, limit: 100 })).map((e) => [e.type, e.status, e.reason]);

describe("status writes", () => {
  it("record a connection's life as partners would tell it", async () => {
    const grower = "events-life";
    await recordStatus(grower, "climate", "pending");
    await recordStatus(grower, "climate", "processing");
    await recordStatus(grower, "climate", "ok", "OK");
    await recordStatus(grower, "climate", "ok", "OK");
    await recordStatus(grower, "climate", "reauth", "UNAUTHENTICATED");
    await recordStatus(grower, "climate", "missing_permission", "MISSING_PERMISSION");
    await recordStatus(grower, "climate", "pending");
    await recordStatus(grower, "climate", "ok", "OK");
    await recordStatus(grower, "climate", "not_connected");
    expect(await typesOf(grower)).toEqual([
      ["connection.connected", "ok", null],
      ["connection.broken", "reauth", "UNAUTHENTICATED"],
      ["connection.repaired", "ok", null],
      ["connection.disconnected", "not_connected", null],
    ]);
  });

  it("record one event when writers race to the same change", async () => {
    const grower = "events-race";
    await recordStatus(grower, "deere", "processing");
    await Promise.all(Array.from({ length: 8 }, () => recordStatus(grower, "deere", "ok", "OK")));
    expect(await typesOf(grower)).toEqual([["connection.connected", "ok", null]]);
  });

  it("keep connections apart and page by id", async () => {
    await recordStatus("events-a", "trimble", "ok", "OK");
    await recordStatus("events-a", "deere", "ok", "OK");
    const [first, ...rest] = await listEvents({ leafUserId: "events-a", limit: 10 });
    expect(first?.provider).toBe("trimble");
    expect(rest.map((e) => e.provider)).toEqual(["deere"]);
    expect(await listEvents({ leafUserId: "events-a", after: first!.id, limit: 10 })).toHaveLength(1);
    expect(await listEvents({ leafUserId: "events-a", types: ["connection.broken"], limit: 10 })).toEqual([]);
  });
});
