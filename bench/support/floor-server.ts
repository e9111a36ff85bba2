// The callback's physical limit: a bare node:http handler that makes the same two upstream requests in
// sequence (bench/support/floor-calls.ts) and nothing else. No session, no database, no framework. Run as
// a process of its own, as the app is:
//   node --import tsx bench/support/floor-server.ts '<FloorConfig as JSON>'
// and it prints its port on stdout once listening.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type FloorConfig, floorCalls } from "./floor-calls";

function main(): void {
  const cfg = JSON.parse(process.argv[2] ?? "{}") as FloorConfig;
  const deliver = floorCalls(cfg);
  const server = createServer(async (req, res) => {
    try {
      await deliver(new URL(req.url ?? "/", "http://floor.invalid").searchParams);
      res.writeHead(303, { location: cfg.location }).end();
    } catch (error) {
      res.writeHead(502, { "content-type": "text/plain" }).end((error as Error).message);
    }
  });
  server.keepAliveTimeout = 5000;
  server.listen(0, "127.0.0.1", () => console.log((server.address() as AddressInfo).port));
  process.once("SIGTERM", () => server.close(() => process.exit(0)));
}

main();
