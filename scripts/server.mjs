#!/usr/bin/env node
// Headland's HTTP server, what `npm start` and `npm run dev` run: Next's own request handler behind a
// plain Node server, because a route handler never sees the socket. Each request gets the client's
// address (the socket peer, or the X-Forwarded-For entry HEADLAND_TRUSTED_PROXIES says to believe) in
// x-headland-client-address, replacing any copy the client sent; the app's limits read nothing else.
// PORT, HOSTNAME_BIND and HEADLAND_DIST_DIR (through next.config.js) mean what they meant for `next start`.
// `npm run serve` is this server alone, for a deployment: no sandbox, no build, only the environment.
import { spawnSync } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { tsImport } from "tsx/esm/api";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
// As `next start` and `next dev` do, and before Next or React is loaded: they pick their builds by it.
process.env.NODE_ENV = dev ? "development" : "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOSTNAME_BIND || undefined;

// Every configuration problem in one block before Next loads, this script's own variables included (the
// app checks again at start, for anything that runs it without this script).
const check = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/check-config.ts"], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});
if (check.status !== 0) process.exit(check.status ?? 1);

const { clientAddress, clientAddressHeader, parseTrustedProxies } = await tsImport(
  "../lib/http/client-address.ts",
  import.meta.url,
);
const { keepIdleConnectionsOpen } = await tsImport("../lib/http/keep-alive.ts", import.meta.url);

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

keepIdleConnectionsOpen(server);

server.on("error", (error) => {
  console.error(`Headland cannot listen on ${host ?? "*"}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, host, () => console.log(`Headland listening on ${host ?? "*"}:${port}${dev ? " (dev)" : ""}`));

// SIGTERM (a deploy, a scale-down): take no new connections, let requests in flight finish, stop the
// outbox worker and the sweep taking new work and wait for what they hold, then exit; all within
// HEADLAND_SHUTDOWN_TIMEOUT_MS, after which whatever is left is cut (the outbox redelivers it later).
const shutdownTimeoutMs = Number(process.env.HEADLAND_SHUTDOWN_TIMEOUT_MS?.trim() || 10_000);
let stopping = false;
const stop = async (signal) => {
  if (stopping) return;
  stopping = true;
  console.log(`Headland stopping (${signal}): finishing work in flight, at most ${shutdownTimeoutMs} ms`);
  const requestsDone = new Promise((resolve) => server.close(resolve));
  // Keep-alive connections between requests would hold close() forever; busy ones close once answered.
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();
  const finished = Promise.all([requestsDone, globalThis.__headlandShutdown?.()]).then(() => true);
  const timedOut = new Promise((resolve) => setTimeout(() => resolve(false), shutdownTimeoutMs).unref());
  const clean = await Promise.race([finished, timedOut]).catch(() => false);
  clearInterval(idleSweep);
  if (!clean) {
    console.error(`Headland: work still in flight after ${shutdownTimeoutMs} ms; exiting anyway`);
    server.closeAllConnections();
  }
  await Promise.race([app.close(), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  process.exit(clean ? 0 : 1);
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
