import { describe, expect, it } from "vitest";
import { freshDatabase } from "@/lib/testing/db";
import { growers } from "./schema";

describe("database", () => {
  it("migrates an empty database and stores a grower", async () => {
    const { db, close } = await freshDatabase();
    await db.insert(growers).values({ leafUserId: "u1", name: "Ada", email: "ada@example.com" });
    const rows = await db.select().from(growers);
    expect(rows.map((r) => r.name)).toEqual(["Ada"]);
    await close();
  });
});
