import type { Server } from "node:http";

/**
 * Idle keep-alive connections stay open longer than a load balancer (or a test's client) keeps them, as
 * load balancer vendors advise. With Node's 5 s default the server closes an idle socket just as the
 * client sends its next request on it, and the client gets a reset: a 502 at the balancer, "socket hang
 * up" (ECONNRESET) in a test. Used by Headland's own server and by the test wiretap in front of it.
 */
export function keepIdleConnectionsOpen(server: Server): void {
  server.keepAliveTimeout = 65_000;
  // Must exceed keepAliveTimeout, or a slow request's headers are cut off first.
  server.headersTimeout = 66_000;
}
