import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, startSandbox } from "../server";

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ processingDelayMs: 0 });
});
afterAll(() => sandbox.close());

const transport = () => nodemailer.createTransport({ url: `smtp://127.0.0.1:${sandbox.smtpPort}` });
const inbox = async (query = "") =>
  ((await (await fetch(`${sandbox.url}/_sandbox/mail${query}`)).json()) as { messages: Record<string, unknown>[] })
    .messages;

describe("the sandbox mail catcher", () => {
  it("keeps what nodemailer sends over SMTP: envelope, decoded headers, both bodies", async () => {
    // A long line and non-ASCII text make nodemailer use quoted-printable and RFC 2047 words.
    const link = `http://127.0.0.1:3000/invite/${"a".repeat(120)}`;
    await transport().sendMail({
      from: { name: "Åsa's Agronomy", address: "invites@partner.test" },
      to: "ada@farm.test",
      subject: "Connect your farm accounts — Åsa's Agronomy",
      text: `Hello Ada,\n\n${link}\n.leading dot\n`,
      html: `<p>Hello Ada, <a href="${link}">connect</a></p>`,
    });
    const [message] = await inbox("?to=ada@farm.test");
    expect(message).toMatchObject({
      envelope: { from: "invites@partner.test", to: ["ada@farm.test"] },
      from: "Åsa's Agronomy <invites@partner.test>",
      to: "ada@farm.test",
      subject: "Connect your farm accounts — Åsa's Agronomy",
    });
    expect(message?.text).toBe(`Hello Ada,\n\n${link}\n.leading dot\n`.replace(/\n/g, "\r\n"));
    expect(message?.html).toContain(`<a href="${link}">connect</a>`);
  });

  it("lists only the asked recipient's mail, and shows each message on a page with its links", async () => {
    await transport().sendMail({
      from: "a@partner.test",
      to: "bo@farm.test",
      subject: "For Bo",
      text: "http://x.test/1",
    });
    const mine = await inbox("?to=BO@farm.test");
    expect(mine.map((m) => m.subject)).toEqual(["For Bo"]);
    const list = await (await fetch(`${sandbox.url}/_sandbox/mail/inbox`)).text();
    expect(list).toContain(`/_sandbox/mail/inbox/${mine[0]!.id}`);
    const page = await (await fetch(`${sandbox.url}/_sandbox/mail/inbox/${mine[0]!.id}`)).text();
    expect(page).toContain('<a href="http://x.test/1">http://x.test/1</a>');
  });

  it("forgets everything on reset", async () => {
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
    expect(await inbox()).toEqual([]);
  });
});
