import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { growers } from "@/lib/db/schema";
import { leaf } from "@/lib/leaf";
import { appAgainstSandbox } from "@/lib/testing/app-env";
import { importLeafUsers } from "./import-leaf-users";

let app: Awaited<ReturnType<typeof appAgainstSandbox>>;
beforeAll(async () => (app = await appAgainstSandbox()));
afterAll(() => app.close());

const users = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ name: `Imported ${from + i}`, email: `imported${from + i}@leaf.test` }));

describe("importLeafUsers", () => {
  it("imports every page of Leaf users once, however often it runs", async () => {
    await app.control("POST", "leaf/seed", { users: users(0, 250) });
    expect(await importLeafUsers(leaf(), "staff:test")).toEqual({ seen: 250, added: 250 });
    expect(await importLeafUsers(leaf(), "staff:test")).toEqual({ seen: 250, added: 0 });

    await app.control("POST", "leaf/seed", { users: users(250, 30) });
    const together = await Promise.all([importLeafUsers(leaf(), "staff:a"), importLeafUsers(leaf(), "staff:b")]);
    expect(together.map((r) => r.added).reduce((a, b) => a + b)).toBe(30);

    const rows = await app.db.db.select().from(growers);
    expect(rows).toHaveLength(280);
    expect(new Set(rows.map((r) => r.leafUserId)).size).toBe(280);
    expect(rows.find((r) => r.email === "imported7@leaf.test")?.name).toBe("Imported 7");
  });
});
