import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/lib/testing/db";
import { readSnapshots, recordStatus } from "./snapshots";

let close: () => Promise<void>;
beforeAll(async () => ({ close } = await freshDatabase()));
afterAll(() => close());

const statusOf = async (leafUserId: string) =>
  (await readSnapshots([leafUserId])).get(leafUserId)!.find((v) => v.provider === "trimble")!.status;

describe("recordStatus with the time a Leaf read began", () => {
  it("keeps a status written after the read began (a disconnect), and takes one read after it", async () => {
    await recordStatus("u-race", "trimble", "ok");
    const readBegan = new Date(Date.now() - 1_000);
    await recordStatus("u-race", "trimble", "not_connected");
    await recordStatus("u-race", "trimble", "ok", "OK", readBegan);
    expect(await statusOf("u-race")).toBe("not_connected");

    await recordStatus("u-race", "trimble", "ok", "OK", new Date(Date.now() + 1_000));
    expect(await statusOf("u-race")).toBe("ok");
  });
});
