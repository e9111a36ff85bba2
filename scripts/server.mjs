#!/usr/bin/env node
// Headland's HTTP server, what `npm start` and `npm run dev` run: Next's own request handler behind a
// plain Node server, because a route handler never sees the socket. Each request gets the client's
// address (the socket peer, or the X-Forwarded-For entry HEADLAND_TRUSTED_PROXIES says to believe) in
// x-headland-client-address, replacing any copy the client sent; the app's limits read nothing else.
// PORT, HOSTNAME_BIND and HEADLAND_DIST_DIR (through next.config.js) mean what they meant for `next start`.
import http from "node:http";
import path from "node:path";
import { tsImport } from "tsx/esm/api";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
// As `next start` and `next dev` do, and before Next or React is loaded: they pick their builds by it.
process.env.NODE_ENV = dev ? "development" : "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOSTNAME_BIND || undefined;

const { clientAddress, clientAddressHeader, parseTrustedProxies } = await tsImport(
  "../lib/http/client-address.ts",
  import.meta.url,
);

let trusted;
try {
  trusted = parseTrustedProxies(process.env.HEADLAND_TRUSTED_PROXIES);
} catch (error) {
  console.error(`Headland cannot start: ${error.message}`);
  process.exit(1);
}

const { default: next } = await import("next");
const app = next({ dev, dir: root, hostname: host ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  request.headers[clientAddressHeader] = clientAddress(
    request.socket.remoteAddress,
    request.headers["x-forwarded-for"],
    trusted,
  );
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500).end();
  });
});

server.on("error", (error) => {
  console.error(`Headland cannot listen on ${host ?? "*"}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, host, () => console.log(`Headland listening on ${host ?? "*"}:${port}${dev ? " (dev)" : ""}`));

const stop = () => {
  server.close();
  app.close().finally(() => process.exit(0));
  // Open keep-alive connections would hold close() forever.
  server.closeAllConnections();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
