import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/lib/config";
import { staff } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { authOptions } from "./options";

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-staff-role-"));
  resetConfigForTests();
  database = await freshDatabase();
  await database.db.insert(staff).values([
    { email: "boss@headland.test", role: "admin" },
    { email: "ann@headland.test", role: "member" },
  ]);
}, 60_000);
afterAll(() => database.close());

async function signedInAs(email: string): Promise<JWT> {
  const jwt = authOptions().callbacks!.jwt!;
  const user = { id: email, email, role: "staff" as const };
  return (await jwt({ token: { email } as JWT, user, account: null })) as JWT;
}

describe("a staff sign-in carries the member's role from the staff table", () => {
  it("admin or member, whatever provider signed them in", async () => {
    expect((await signedInAs("boss@headland.test")).staffRole).toBe("admin");
    expect((await signedInAs("ann@headland.test")).staffRole).toBe("member");
  });

  it("and into the session the pages read", async () => {
    const token = await signedInAs("boss@headland.test");
    const session = await authOptions().callbacks!.session!({
      session: { expires: "", user: { email: "boss@headland.test" } },
      token,
    } as never);
    expect(session).toMatchObject({ staffRole: "admin", role: "staff" });
  });
});
