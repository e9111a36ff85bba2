import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveries } from "@/lib/db/schema";
import { leaf } from "@/lib/leaf";
import { createLeafUser } from "@/lib/leaf/users";
import { findProvider } from "@/lib/providers";
import { appAgainstSandbox } from "@/lib/testing/app-env";
import { stageDelivery } from "./deliveries";
import { startOutboxWorker, stopOutboxWorker } from "./worker";

let app: Awaited<ReturnType<typeof appAgainstSandbox>>;
beforeAll(async () => (app = await appAgainstSandbox()));
afterAll(() => app.close());

const trimble = findProvider("trimble")!;
const leafPosts = async () =>
  ((await app.control("GET", "calls")) as Record<string, number>)[
    `leaf.POST /services/usermanagement/api/users/{id}/${trimble.leaf.path}`
  ] ?? 0;

describe("stopping the outbox worker (SIGTERM)", () => {
  it("waits for the delivery in flight, then claims nothing more", async () => {
    const first = (await createLeafUser(leaf(), { name: "Ann", email: "ann@farm.test" })).id;
    const second = (await createLeafUser(leaf(), { name: "Bo", email: "bo@farm.test" })).id;
    await app.control("POST", "faults", {
      target: "leaf",
      mode: "slow",
      delayMs: 300, // under the test Leaf timeout
      count: 1,
      path: `${first}/${trimble.leaf.path}`,
    });
    const staged = await stageDelivery(
      first,
      trimble,
      { accessToken: "trm_at_w1", refreshToken: "trm_rt_w1" },
      "corr-w1",
    );
    // Staged rows are leased to the callback that staged them; this one is the worker's at once.
    await app.db.db
      .update(deliveries)
      .set({ nextAttemptAt: new Date(0) })
      .where(eq(deliveries.id, staged.id));
    startOutboxWorker(20);
    await expect.poll(leafPosts, { interval: 20, timeout: 10_000 }).toBe(1);

    // Due now, but staged after the stop began: it waits in the outbox for the next start.
    const stopped = stopOutboxWorker();
    await stageDelivery(second, trimble, { accessToken: "trm_at_w2", refreshToken: "trm_rt_w2" }, "corr-w2");
    await stopped;

    const rows = await app.db.db.select().from(deliveries);
    expect(
      rows.filter((r) => r.leafUserId === first),
      "the delivery in flight finished",
    ).toHaveLength(0);
    expect((await app.control("GET", `leaf/users/${first}/${trimble.leaf.path}`)).postedBody.refreshToken).toBe(
      "trm_rt_w1",
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(await leafPosts()).toBe(1);
    expect(await app.db.db.select().from(deliveries).where(eq(deliveries.leafUserId, second))).toHaveLength(1);
  });
});
