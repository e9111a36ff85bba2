// The sandbox's mail catcher: an SMTP server on loopback that keeps every message in memory, so staff
// and tests read the invite email the app sent. Speaks the part of RFC 5321 a plain client needs (no
// TLS, no auth): EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { createServer, type Socket } from "node:net";
import { decodeWords, parseMessage } from "./mime";

export interface CaughtMessage {
  id: string;
  receivedAt: string;
  envelope: { from: string; to: string[] };
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

const MAX_MESSAGE_BYTES = 1024 * 1024;
const KEPT = 500;

/** The caught messages, newest last; the oldest go once there are more than KEPT. */
export class Mailbox {
  messages: CaughtMessage[] = [];

  keep(envelope: CaughtMessage["envelope"], raw: string): CaughtMessage {
    const { headers, text, html } = parseMessage(raw);
    const header = (name: string) => decodeWords(headers.get(name) ?? "");
    const message = {
      id: randomUUID(),
      receivedAt: new Date().toISOString(),
      envelope,
      from: header("from"),
      to: header("to"),
      subject: header("subject"),
      text,
      html,
    };
    this.messages.push(message);
    if (this.messages.length > KEPT) this.messages.shift();
    return message;
  }

  find(id: string): CaughtMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  clear(): void {
    this.messages = [];
  }
}

const address = (arg: string) => /<([^>]*)>/.exec(arg)?.[1] ?? arg.trim();

function converse(socket: Socket, mailbox: Mailbox): void {
  socket.setEncoding("latin1");
  const reply = (line: string) => socket.write(`${line}\r\n`);
  let envelope: CaughtMessage["envelope"] | undefined;
  let data: string[] | undefined;
  let size = 0;
  let pending = "";

  const command = (line: string) => {
    const verb = line.slice(0, 4).toUpperCase();
    const arg = line.slice(line.indexOf(":") + 1);
    if (verb === "EHLO") return reply("250-sandbox mail catcher\r\n250 SIZE 1048576");
    if (verb === "HELO") return reply("250 sandbox mail catcher");
    if (verb === "MAIL") {
      envelope = { from: address(arg), to: [] };
      return reply("250 OK");
    }
    if (verb === "RCPT") {
      if (!envelope) return reply("503 MAIL first");
      envelope.to.push(address(arg));
      return reply("250 OK");
    }
    if (verb === "DATA") {
      if (!envelope?.to.length) return reply("503 RCPT first");
      data = [];
      size = 0;
      return reply("354 End data with <CR><LF>.<CR><LF>");
    }
    if (verb === "RSET") {
      envelope = undefined;
      return reply("250 OK");
    }
    if (verb === "NOOP") return reply("250 OK");
    if (verb === "QUIT") {
      reply("221 Bye");
      return void socket.end();
    }
    reply("502 Command not implemented");
  };

  const dataLine = (line: string, lines: string[]) => {
    if (line !== ".") {
      size += line.length + 2;
      // RFC 5321 §4.5.2: a leading dot was doubled by the client.
      if (size <= MAX_MESSAGE_BYTES) lines.push(line.startsWith(".") ? line.slice(1) : line);
      return;
    }
    data = undefined;
    if (size > MAX_MESSAGE_BYTES) return reply("552 Message too large");
    const message = mailbox.keep(envelope!, lines.join("\r\n"));
    envelope = undefined;
    reply(`250 OK queued as ${message.id}`);
  };

  socket.on("data", (chunk: string) => {
    pending += chunk;
    let end = pending.indexOf("\r\n");
    while (end !== -1) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 2);
      if (data) dataLine(line, data);
      else command(line);
      end = pending.indexOf("\r\n");
    }
    // A client that never ends a line gets no unbounded buffer.
    if (pending.length > MAX_MESSAGE_BYTES) socket.destroy();
  });
  socket.on("error", () => socket.destroy());
  reply("220 sandbox mail catcher ESMTP");
}

export interface RunningCatcher {
  port: number;
  close(): Promise<void>;
}

export async function startCatcher(mailbox: Mailbox, port: number, host: string): Promise<RunningCatcher> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    converse(socket, mailbox);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
