import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { keepIdleConnectionsOpen } from "./keep-alive";

describe("keepIdleConnectionsOpen", () => {
  it("keeps an idle keep-alive connection past Node's 5 s default, so a reused socket is not reset", async () => {
    const server = createServer((_req, res) => res.end("ok"));
    keepIdleConnectionsOpen(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    let sockets = 0;
    server.on("connection", () => sockets++);
    try {
      await (await fetch(url)).text();
      await new Promise((r) => setTimeout(r, 6_000));
      await (await fetch(url)).text();
      // One socket for both requests: the server did not close it while idle.
      expect(sockets).toBe(1);
      expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
