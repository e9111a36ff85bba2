import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetConfigForTests } from "@/lib/config";
import { staff } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { passwordHash, staffHashCost } from "./password-hash";
import { ensureStaffAccount, verifyStaffPassword } from "./staff";

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-staff-"));
  resetConfigForTests();
  database = await freshDatabase();
  await ensureStaffAccount({ email: "known@headland.test", password: "right horse battery" });
}, 60_000); // migrations and a cost-12 bcrypt hash, on a busy machine
afterAll(() => database.close());

/** The cost of the hash each bcrypt comparison was handed, while `run` runs. */
async function comparedCosts(run: () => Promise<unknown>): Promise<number[]> {
  const compare = vi.spyOn(passwordHash, "matches");
  try {
    await run();
    return compare.mock.calls.map(([, hash]) => passwordHash.costOf(hash));
  } finally {
    compare.mockRestore();
  }
}

describe("staff password checks", () => {
  it("an unknown email costs exactly what a known one costs: one bcrypt comparison at the same cost", async () => {
    const known = await comparedCosts(() => verifyStaffPassword("known@headland.test", "a guess"));
    const unknown = await comparedCosts(() => verifyStaffPassword("nobody@headland.test", "a guess"));
    expect(known).toEqual([staffHashCost]);
    expect(unknown).toEqual(known);
  });

  it("prints the measured time of each path (for the record; timing is not asserted, it is flaky)", async () => {
    const median = async (email: string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await verifyStaffPassword(email, "a guess");
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[2]!;
    };
    const known = await median("known@headland.test");
    const unknown = await median("nobody@headland.test");
    console.log(
      `verifyStaffPassword median of 5: known email ${known.toFixed(0)} ms, unknown ${unknown.toFixed(0)} ms`,
    );
  });

  it("the right password signs in; a wrong one and an unknown email do not", async () => {
    expect(await verifyStaffPassword("Known@headland.test ", "right horse battery")).toMatchObject({
      email: "known@headland.test",
    });
    expect(await verifyStaffPassword("known@headland.test", "wrong")).toBeUndefined();
    expect(await verifyStaffPassword("nobody@headland.test", "right horse battery")).toBeUndefined();
  });

  it("a stored hash of another cost is rehashed at start, so the two paths stay alike", async () => {
    const cheap = await passwordHash.create("old password", 4);
    await database.db.insert(staff).values({ email: "legacy@headland.test", passwordHash: cheap });
    await ensureStaffAccount({ email: "legacy@headland.test", password: "old password" });
    const [row] = await database.db.select().from(staff).where(eq(staff.email, "legacy@headland.test"));
    expect(passwordHash.costOf(row!.passwordHash!)).toBe(staffHashCost);
    expect(await verifyStaffPassword("legacy@headland.test", "old password")).toBeDefined();
  });
});
