import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteSummary } from "@/lib/auth/invites";
import { sessionIsLive, startSession } from "@/lib/auth/sessions";
import { resetConfigForTests } from "@/lib/config";
import { growers } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { freePort } from "@/lib/testing/free-port";
import { type RunningSandbox, startSandbox } from "@/sandbox/server";
import { auditTrail } from "./audit-trail";
import { emailInvite } from "./email-invite";

let sandbox: RunningSandbox;
let close: () => Promise<void>;
let adaId: string;
const saved = { ...process.env };
const staff = "staff:ann@partner.test";

beforeAll(async () => {
  sandbox = await startSandbox({ processingDelayMs: 0 });
  Object.assign(process.env, {
    HEADLAND_DATA_DIR: mkdtempSync(path.join(tmpdir(), "headland-email-invite-")),
    HEADLAND_MODE: "sandbox",
    SANDBOX_PORT: String(sandbox.port),
    SANDBOX_SMTP_PORT: String(sandbox.smtpPort),
    HEADLAND_PARTNER_NAME: "Acme Agronomy",
  });
  resetConfigForTests();
  const handle = await freshDatabase();
  close = () => handle.close();
  const [ada] = await handle.db
    .insert(growers)
    .values([
      { leafUserId: "leaf-ada", name: "Ada Lovelace", email: "ada@farm.test" },
      { leafUserId: "leaf-noemail", name: "No Mail", email: "" },
    ])
    .returning();
  adaId = ada!.id;
}, 60_000);
afterAll(async () => {
  process.env = saved;
  resetConfigForTests();
  await close?.();
  await sandbox?.close();
});

const mailTo = async (to: string) =>
  (await (await fetch(`${sandbox.url}/_sandbox/mail?to=${to}`)).json()).messages as { text: string; from: string }[];

describe("emailInvite", () => {
  it("mails a new link to the grower from the partner, ends old sessions, and records it", async () => {
    const open = await startSession({ role: "grower", leafUserId: "leaf-ada" });
    const outcome = await emailInvite("leaf-ada", staff, 2);
    expect(outcome).toMatchObject({ kind: "sent", sentTo: "ada@farm.test", maxUses: 2 });
    if (outcome.kind !== "sent") return;
    const [message] = await mailTo("ada@farm.test");
    expect(message?.from).toBe("Acme Agronomy <invites@headland.test>");
    expect(message?.text).toContain(outcome.url);
    expect((await inviteSummary(adaId))?.url).toBe(outcome.url);
    expect(await sessionIsLive({ sid: open.sid, sessionExpiresAt: open.expiresAt })).toBe(false);
    const trail = await auditTrail("leaf-ada");
    expect(trail[0]).toMatchObject({
      who: "ann@partner.test",
      what: "Emailed the invite",
      outcome: "sent: to ada@farm.test",
    });
  });

  it("sends nothing for an unknown grower or one with no address", async () => {
    expect(await emailInvite("leaf-nobody", staff)).toEqual({ kind: "unknown_grower" });
    expect(await emailInvite("leaf-noemail", staff)).toEqual({ kind: "no_email" });
  });

  it("keeps the new link and says so when the mail server cannot be reached", async () => {
    process.env.SANDBOX_SMTP_PORT = String(await freePort());
    resetConfigForTests();
    const outcome = await emailInvite("leaf-ada", staff);
    expect(outcome.kind).toBe("send_failed");
    if (outcome.kind !== "send_failed") return;
    expect((await inviteSummary(adaId))?.url).toBe(outcome.url);
    const trail = await auditTrail("leaf-ada");
    expect(trail[0]).toMatchObject({ what: "Emailed the invite", outcome: expect.stringMatching(/^failed: to ada@/) });
  });
});
