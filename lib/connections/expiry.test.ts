import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit } from "@/lib/audit";
import { database } from "@/lib/db/client";
import { climateFieldView } from "@/lib/providers/climate-fieldview";
import { johnDeere } from "@/lib/providers/john-deere";
import { freshDatabase } from "@/lib/testing/db";
import { growerTokenLapses, nudgeDaysBefore, tokenLapse, tokenLapses } from "./expiry";

const day = 24 * 3600 * 1000;
const issued = new Date("2026-11-01T12:00:00Z");

describe("tokenLapse", () => {
  it("puts Climate's lapse 30 days after the token was issued, with whole days left rounded up", () => {
    const lapse = tokenLapse(climateFieldView, issued, new Date(issued.getTime() + 10 * day + 3600_000));
    expect(lapse?.lapsesAt.toISOString()).toBe("2026-12-01T12:00:00.000Z");
    expect(lapse?.daysLeft).toBe(20);
    expect(lapse?.nudge).toBe(false);
  });

  it("nudges from a week before the lapse, and says 0 days once it has lapsed", () => {
    const nearly = tokenLapse(climateFieldView, issued, new Date(issued.getTime() + (30 - nudgeDaysBefore) * day));
    expect(nearly).toMatchObject({ daysLeft: nudgeDaysBefore, nudge: true });
    expect(tokenLapse(climateFieldView, issued, new Date(issued.getTime() + 40 * day))).toMatchObject({
      daysLeft: 0,
      nudge: true,
    });
  });

  it("has nothing to say for a provider whose tokens do not lapse unused, or a token never issued", () => {
    expect(tokenLapse(johnDeere, issued)).toBeUndefined();
    expect(tokenLapse(climateFieldView, null)).toBeUndefined();
  });
});

describe("tokenLapses", () => {
  let close: () => Promise<void>;
  beforeAll(async () => ({ close } = await freshDatabase()), 60_000);
  afterAll(() => close());

  const delivered = (leafUserId: string, provider: string) =>
    audit({ actor: "headland", action: "deliver", outcome: "delivered", leafUserId, provider });

  it("counts from the latest delivery of each grower's Climate token, and leaves other providers out", async () => {
    await delivered("grower-a", "climate-fieldview");
    await delivered("grower-a", "john-deere");
    await audit({
      actor: "headland",
      action: "deliver",
      outcome: "failed",
      leafUserId: "grower-b",
      provider: "climate-fieldview",
    });
    const db = await database();
    // The first delivery was 25 days ago; a reconnect since would restart the clock.
    await db.execute(sql`update audit_log set at = now() - interval '25 days' where leaf_user_id = 'grower-a'`);

    const lapses = await tokenLapses(["grower-a", "grower-b"]);
    expect([...lapses.keys()]).toEqual(["grower-a/climate-fieldview"]);
    expect(lapses.get("grower-a/climate-fieldview")).toMatchObject({ daysLeft: 5, nudge: true });

    await delivered("grower-a", "climate-fieldview");
    expect((await growerTokenLapses("grower-a")).get("climate-fieldview")).toMatchObject({
      daysLeft: 30,
      nudge: false,
    });
  });
});
