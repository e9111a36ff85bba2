import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, resetConfigForTests } from "@/lib/config";
import { type RunningSandbox, startSandbox } from "@/sandbox/server";
import { inviteMessage } from "./invite-message";
import { mailEnabled, sendMail } from "./send";

let sandbox: RunningSandbox;
const saved = { ...process.env };

beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-mail-"));
  sandbox = await startSandbox({ processingDelayMs: 0 });
  process.env.SANDBOX_PORT = String(sandbox.port);
  process.env.SANDBOX_SMTP_PORT = String(sandbox.smtpPort);
  process.env.HEADLAND_PARTNER_NAME = "Acme Agronomy";
  resetConfigForTests();
});
afterAll(async () => {
  process.env = saved;
  resetConfigForTests();
  await sandbox.close();
});

describe("sendMail", () => {
  it("reaches the sandbox catcher from the partner's name, with both bodies intact", async () => {
    const message = await inviteMessage({
      growerName: "Ada",
      partnerName: "Acme Agronomy",
      url: `http://127.0.0.1:3000/invite/${"t".repeat(150)}`,
      expiresAt: new Date("2026-12-09T16:55:00Z"),
      maxUses: 2,
    });
    expect(mailEnabled()).toBe(true);
    await sendMail("ada@farm.test", message);
    const { messages } = await (await fetch(`${sandbox.url}/_sandbox/mail?to=ada@farm.test`)).json();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      from: "Acme Agronomy <invites@headland.test>",
      to: "ada@farm.test",
      subject: message.subject,
      text: message.text.replace(/\n/g, "\r\n"),
    });
    expect(messages[0].html.replace(/\r\n/g, "\n")).toBe(message.html);
  });
});

describe("mail settings", () => {
  const live = {
    HEADLAND_MODE: "live",
    LEAF_API_URL: "https://leaf.example",
    LEAF_API_TOKEN: "t",
    AUTH_SECRET: "s".repeat(32),
    HEADLAND_ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 1).toString("base64url")}`,
    HEADLAND_ALLOW_MIXED_MODE: "1",
  };

  it("in live mode, no SMTP_URL means no email, and SMTP_URL needs a sender", () => {
    expect(loadConfig(live).mail.smtp).toBeUndefined();
    expect(() => loadConfig({ ...live, SMTP_URL: "smtp://mail.example:587" })).toThrow(
      /HEADLAND_MAIL_FROM: required with SMTP_URL/,
    );
    const env = { ...live, SMTP_URL: "smtps://u:p@mail.example" };
    expect(loadConfig({ ...env, HEADLAND_MAIL_FROM: "invites@acme.example" }).mail).toEqual({
      partnerName: "Headland",
      smtp: { url: "smtps://u:p@mail.example", from: "invites@acme.example" },
    });
    expect(() => loadConfig({ ...env, SMTP_URL: "https://mail.example" })).toThrow(/SMTP_URL/);
  });

  it("in sandbox mode, points at the catcher beside the sandbox unless told otherwise", () => {
    const sandboxEnv = { HEADLAND_MODE: "sandbox", HEADLAND_DATA_DIR: process.env.HEADLAND_DATA_DIR };
    expect(loadConfig({ ...sandboxEnv, SANDBOX_PORT: "5000" }).mail.smtp?.url).toBe("smtp://127.0.0.1:5001");
    const env = { ...sandboxEnv, SANDBOX_SMTP_PORT: "2525" };
    expect(loadConfig(env).mail.smtp?.url).toBe("smtp://127.0.0.1:2525");
  });
});
