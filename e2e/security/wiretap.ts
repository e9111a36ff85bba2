// A recording reverse proxy around a Headland server for the tests: `node --import tsx
// e2e/security/wiretap.ts node scripts/start.mjs`. It listens on PORT (APP_URL's port) and runs the
// command with a private PORT behind it, so every response the app sends to a browser or a test passes
// through here. It keeps each response's headers and (deduplicated) body, and the app's stdout and
// stderr, in TAP_DIR, where the leak scan looks for every secret the sandbox issued. The app cannot tell
// it is there: nothing is added to requests, and bodies are only asked for uncompressed.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { keepIdleConnectionsOpen } from "../../lib/http/keep-alive";
import { freePort } from "../../lib/testing/free-port";

const publicPort = Number(process.env.PORT);
const tapDir = process.env.TAP_DIR;
if (!publicPort || !tapDir) throw new Error("wiretap needs PORT and TAP_DIR");
mkdirSync(path.join(tapDir, "bodies"), { recursive: true });
const index = path.join(tapDir, `responses-${process.pid}.jsonl`);
const seenBodies = new Set<string>();

/** One line per response: what a leak could hide in (status, headers, body by hash). */
function record(request: http.IncomingMessage, response: http.IncomingMessage, body: Buffer): void {
  const hash = createHash("sha256").update(body).digest("hex");
  if (body.length > 0 && !seenBodies.has(hash)) {
    seenBodies.add(hash);
    writeFileSync(path.join(tapDir!, "bodies", hash), body);
  }
  const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => name !== "date"));
  // Fuzzed request URLs can be huge and are ours anyway: keep only their start.
  const line = {
    method: request.method,
    url: (request.url ?? "").slice(0, 200),
    status: response.statusCode,
    headers,
    body: body.length ? hash : null,
  };
  appendFileSync(index, `${JSON.stringify(line)}\n`);
}

function proxy(appPort: number) {
  return http.createServer((request, reply) => {
    const headers = { ...request.headers };
    delete headers["accept-encoding"];
    // Next echoes a long URL twice in a redirect's headers (Location, Refresh): allow what browsers allow.
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: appPort,
        method: request.method,
        path: request.url,
        headers,
        maxHeaderSize: 256 * 1024,
      },
      (response) => {
        reply.writeHead(response.statusCode ?? 502, response.statusMessage, response.rawHeaders);
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => record(request, response, Buffer.concat(chunks)));
        response.pipe(reply);
      },
    );
    upstream.on("error", () => {
      if (!reply.headersSent) reply.writeHead(502, { "content-type": "text/plain" });
      reply.end("wiretap: the app is not answering");
    });
    request.pipe(upstream);
  });
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error("usage: wiretap.ts COMMAND [ARGS...]");
  const appPort = await freePort();
  const log = createWriteStream(path.join(tapDir!, `app-${process.pid}.log`), { flags: "a" });
  const child = spawn(command, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(appPort) },
  });
  child.stdout.pipe(log);
  child.stderr.on("data", (chunk: Buffer) => {
    log.write(chunk);
    process.stderr.write(chunk);
  });
  child.on("exit", (code) => process.exit(code ?? 1));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  const server = proxy(appPort);
  keepIdleConnectionsOpen(server);
  server.listen(publicPort, "127.0.0.1");
}

void main();
