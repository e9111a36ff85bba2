import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "@/lib/testing/db";
import { openDatabase } from "./client";
import { growers } from "./schema";

describe("database", () => {
  it("migrates an empty database and stores a grower", async () => {
    const { db, close } = await freshDatabase();
    await db.insert(growers).values({ leafUserId: "u1", name: "Ada", email: "ada@example.com" });
    const rows = await db.select().from(growers);
    expect(rows.map((r) => r.name)).toEqual(["Ada"]);
    await close();
  });

  it("opens on disk under a data folder that does not exist yet, as a fresh real deployment has", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "headland-empty-"));
    try {
      const { db, close } = await openDatabase({ dir: path.join(root, "never-created", "pglite") });
      await db.insert(growers).values({ leafUserId: "u2", name: "Ben", email: "ben@example.com" });
      expect(await db.select().from(growers)).toHaveLength(1);
      await close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
