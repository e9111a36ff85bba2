import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook } from "./send";

let server: Server;
let base: string;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push(request.url ?? "");
    if (request.url === "/ok") return void response.writeHead(204).end();
    if (request.url === "/moved") return void response.writeHead(302, { location: "/elsewhere" }).end();
    if (request.url === "/slow") return void setTimeout(() => response.writeHead(200).end(), 2_000);
    if (request.url === "/chatty") return void response.writeHead(500).end("x".repeat(1_000_000));
    response.writeHead(404).end("no such hook");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
);

const post = (path: string, timeoutMs = 1_000) => postWebhook(`${base}${path}`, "{}", {}, timeoutMs);

describe("postWebhook", () => {
  it("counts any 2xx as delivered", async () => {
    expect(await post("/ok")).toEqual({ ok: true, statusCode: 204 });
  });

  it("never follows a redirect", async () => {
    hits.length = 0;
    const result = await post("/moved");
    expect(result).toMatchObject({ ok: false, statusCode: 302, error: expect.stringMatching(/does not follow/) });
    expect(hits).toEqual(["/moved"]);
  });

  it("gives up on a receiver that does not answer in time", async () => {
    expect(await post("/slow", 300)).toEqual({ ok: false, error: "no answer within 0.3 s" });
  });

  it("reads only the start of a refusal, for the log", async () => {
    const result = await post("/chatty");
    expect(result.statusCode).toBe(500);
    expect(result.error!.length).toBeLessThan(220);
    expect(await post("/missing")).toMatchObject({ ok: false, error: "HTTP 404: no such hook" });
  });

  it("says so when nothing listens", async () => {
    expect(await postWebhook("http://127.0.0.1:9/", "{}", {}, 1_000)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^could not connect: /),
    });
  });
});
