import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteSummary } from "@/lib/auth/invites";
import { sessionIsLive, startSession } from "@/lib/auth/sessions";
import { growers } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { sendNewInvite } from "./send-new-invite";

let close: () => Promise<void>;
let growerId: string;

beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-send-invite-"));
  process.env.HEADLAND_MODE ??= "sandbox";
  const handle = await freshDatabase();
  close = () => handle.close();
  const values = [
    { leafUserId: "leaf-new-invite", name: "Ada", email: "ada@farm.test" },
    { leafUserId: "leaf-bystander", name: "Bo", email: "bo@farm.test" },
  ];
  const [grower] = await handle.db.insert(growers).values(values).returning();
  growerId = grower!.id;
});
afterAll(() => close());

describe("sendNewInvite", () => {
  it("ends every open session of the grower, and no one else's", async () => {
    const open = await startSession({ role: "grower", leafUserId: "leaf-new-invite" });
    const bystander = await startSession({ role: "grower", leafUserId: "leaf-bystander" });
    const token = (s: typeof open) => ({ sid: s.sid, sessionExpiresAt: s.expiresAt });
    await sendNewInvite("leaf-new-invite", "staff:ann@partner.test");
    expect(await sessionIsLive(token(open))).toBe(false);
    expect(await sessionIsLive(token(bystander))).toBe(true);
  });

  it("makes a link good for as many uses as staff chose, 3 when they chose none", async () => {
    await sendNewInvite("leaf-new-invite", "staff:ann@partner.test");
    expect((await inviteSummary(growerId))?.maxUses).toBe(3);
    await sendNewInvite("leaf-new-invite", "staff:ann@partner.test", 1);
    expect((await inviteSummary(growerId))?.maxUses).toBe(1);
  });
});
