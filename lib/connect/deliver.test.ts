import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, connectionSnapshots, deliveries } from "@/lib/db/schema";
import { leaf } from "@/lib/leaf";
import { createLeafUser } from "@/lib/leaf/users";
import { stageDelivery } from "@/lib/outbox/deliveries";
import { settled } from "@/lib/outbox/later";
import { findProvider } from "@/lib/providers";
import { appAgainstSandbox } from "@/lib/testing/app-env";
import { deliverCredentials } from "./deliver";

let app: Awaited<ReturnType<typeof appAgainstSandbox>>;
beforeAll(async () => (app = await appAgainstSandbox()));
afterAll(() => app.close());
beforeEach(() => app.control("DELETE", "faults"));

const trimble = findProvider("trimble")!;
const tokens = (n: string) => ({ accessToken: `trm_at_${n}`, refreshToken: `trm_rt_${n}` });
const newUser = async () => (await createLeafUser(leaf(), { name: "Dee", email: "dee@farm.test" })).id;
const rowsFor = (user: string) => app.db.db.select().from(deliveries).where(eq(deliveries.leafUserId, user));
const statusOf = async (user: string) =>
  (
    await app.db.db
      .select()
      .from(connectionSnapshots)
      .where(and(eq(connectionSnapshots.leafUserId, user), eq(connectionSnapshots.provider, trimble.id)))
  )[0]?.status;
const auditFor = (correlationId: string) =>
  app.db.db.select().from(auditLog).where(eq(auditLog.correlationId, correlationId));

describe("deliverCredentials (the callback's delivery)", () => {
  it("answers once Leaf has the credentials and the sealed copy is gone; status and audit follow", async () => {
    const user = await newUser();
    expect(await deliverCredentials(user, trimble, tokens("d1"), "corr-d1")).toBe("delivered");
    expect(await rowsFor(user)).toHaveLength(0);
    const stored = await app.control("GET", `leaf/users/${user}/trimble-credentials`);
    expect(stored.postedBody.refreshToken).toBe("trm_rt_d1");
    await settled();
    expect(await statusOf(user)).toBe("processing");
    expect((await auditFor("corr-d1")).map((a) => `${a.action} ${a.outcome}`)).toEqual(["deliver delivered"]);
  });

  it("drops an older token set still waiting for Leaf: the newer consent wins", async () => {
    const user = await newUser();
    const older = await stageDelivery(user, trimble, tokens("old"), "corr-old");
    expect(await deliverCredentials(user, trimble, tokens("new"), "corr-new")).toBe("delivered");
    await settled();
    expect((await rowsFor(user)).map((r) => r.id)).not.toContain(older.id);
    expect(await rowsFor(user)).toHaveLength(0);
  });

  it("leaves the token set staged, the connection pending, when Leaf is down", async () => {
    const user = await newUser();
    await app.control("POST", "faults", { target: "leaf", mode: "status", status: 503, method: "POST", count: 1 });
    expect(await deliverCredentials(user, trimble, tokens("d2"), "corr-d2")).toBe("retrying");
    await settled();
    expect(await rowsFor(user)).toHaveLength(1);
    expect(await statusOf(user)).toBe("pending");
  });
});
