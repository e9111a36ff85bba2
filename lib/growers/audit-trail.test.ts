import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit } from "@/lib/audit";
import { freshDatabase } from "@/lib/testing/db";
import { auditTrail } from "./audit-trail";

let close: () => Promise<void>;
beforeAll(async () => ({ close } = await freshDatabase()));
afterAll(() => close());

const grower = "leaf-user-trail";
const step = (action: string, outcome: string, correlationId: string, detail?: string) =>
  audit({
    actor: action === "consent" ? `grower:${grower}` : "headland",
    action,
    outcome,
    leafUserId: grower,
    provider: "trimble",
    correlationId,
    detail,
  });

describe("auditTrail", () => {
  it("folds each consent into one line with how it ended; a reference only where it did not reach Leaf", async () => {
    await step("consent", "started", "corr-ok");
    await step("deliver", "delivered", "corr-ok");
    await step("consent", "started", "corr-refused");
    await step("deliver", "failed", "corr-refused", "Body rejected");
    await step("consent", "started", "corr-open");
    await audit({ actor: "staff:ann@partner.test", action: "invite", outcome: "sent", leafUserId: grower });

    const lines = await auditTrail(grower);
    expect(lines).toHaveLength(4);
    const byReference = (reference: string | null) =>
      lines.filter((l) => l.what === "Started connecting Trimble" && l.reference === reference);
    expect(byReference(null)).toMatchObject([{ who: "The grower", outcome: "Saved to Leaf" }]);
    expect(byReference("corr-refused")).toMatchObject([{ outcome: "Leaf refused it: Body rejected" }]);
    expect(byReference("corr-open")).toMatchObject([{ outcome: null, endedAt: null }]);
    expect(lines.find((l) => l.what === "Sent a new invite")).toMatchObject({
      who: "ann@partner.test",
      reference: null,
    });
  });
});
