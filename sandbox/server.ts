import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { providers as registry } from "@/lib/providers/registry";
import type { Provider } from "@/lib/providers/types";
import { createCatalog } from "./catalog";
import { createKeys, extraRedirectUrisFromEnv, type Sandbox } from "./context";
import { controlRoutes } from "./control";
import { applyFault } from "./fault-effects";
import { Halt, type Incoming, MAX_BODY_BYTES, type Reply } from "./http";
import { problem } from "./leaf/problem";
import { leafRoutes } from "./leaf/routes";
import { Mailbox, startCatcher } from "./mail/catcher";
import { mailRoutes } from "./mail/routes";
import { keysFrom, restoreInto, snapshotOf } from "./persistence";
import { providerRoutes } from "./providers/routes";
import { Router } from "./router";
import { StateFile } from "./state-file";
import { countCall, createState, disposeState } from "./store";

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** How long Leaf keeps a new credential in PROCESSING before validating it. */
  processingDelayMs?: number;
  /** Leaf retries alerts after 1, 30, 60 and 240 minutes; here each minute lasts this long (1000 ms). */
  alertRetryUnitMs?: number;
  /** The providers to simulate: the app's registry unless a test brings its own. */
  providers?: readonly Provider[];
  /** The mail catcher's SMTP port on the same host; 0 or unset picks a free one. */
  smtpPort?: number;
  /** A port nobody chose: when it is taken, a free one will do rather than no sandbox at all. */
  smtpPortIsDefault?: boolean;
  /**
   * Keeps the state in this folder across restarts (`npm start` gives `.data/sandbox`). Unset, the state
   * lives in memory only, so a test's own sandbox always starts empty.
   */
  dataDir?: string;
}

export interface RunningSandbox {
  url: string;
  port: number;
  smtpPort: number;
  close(): Promise<void>;
}

/** Reads the body once, on first ask, up to MAX_BODY_BYTES. */
function bodyReader(req: IncomingMessage): () => Promise<string> {
  let body: Promise<string> | undefined;
  return () =>
    (body ??= new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) reject(new Halt(problem(413, "Payload Too Large", "The request body is too large")));
        else chunks.push(chunk);
      });
      req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      req.on("error", reject);
    }));
}

function write(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

async function serve(
  sandbox: Sandbox,
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
  held: Set<ServerResponse>,
): Promise<Reply | undefined> {
  const url = new URL(req.url ?? "/", "http://sandbox.invalid");
  const method = req.method ?? "GET";
  const match = router.match(method, url.pathname);
  if (match.kind === "not-found") return problem(404, "Not Found", "No such endpoint");
  if (match.kind === "wrong-method") {
    const reply = problem(405, "Method Not Allowed", `${method} is not supported here`);
    return { ...reply, headers: { ...reply.headers, allow: match.allowed.join(", ") } };
  }
  const { route, params } = match;
  if (route.name) countCall(sandbox.state, route.name);
  const fault = route.target ? sandbox.state.faults.pick(route.target, method, url.pathname) : undefined;
  if (fault) {
    const effect = await applyFault(fault, req, res, held);
    if (effect === "handled") return undefined;
    if (effect !== "continue") return effect;
  }
  const incoming: Incoming = {
    method,
    path: url.pathname,
    query: url.searchParams,
    params,
    headers: req.headers,
    text: bodyReader(req),
  };
  try {
    return await route.handle(incoming, sandbox);
  } catch (error) {
    if (error instanceof Halt) return error.reply;
    // Log the kind of failure only: requests here carry tokens and secrets.
    console.error(`sandbox: ${method} ${url.pathname} failed: ${(error as Error).name}: ${(error as Error).message}`);
    return problem(500, "Internal Server Error", "The sandbox failed to handle this request");
  } finally {
    // Saved once the handler is done (a slow one would otherwise be saved before its change). Only requests
    // that can change something count; reads that do (a status catching up with its grant) go through the
    // credential store, which says so itself.
    if (method !== "GET" && method !== "HEAD") sandbox.changed();
  }
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = opts.host ?? "127.0.0.1";
  const held = new Set<ServerResponse>();
  const stateFile = opts.dataDir ? new StateFile(opts.dataDir, () => snapshotOf(running)) : undefined;
  const saved = stateFile?.load();
  const keys = saved ? keysFrom(saved.keys) : createKeys();
  const catalog = createCatalog(opts.providers ?? registry);
  const router = new Router([
    ...controlRoutes(catalog),
    ...leafRoutes(catalog),
    ...providerRoutes(catalog),
    ...mailRoutes(),
  ]);
  // Built once listening, when the URL (and a random port) is known; a request in that instant gets a 503.
  let sandbox: Sandbox | undefined;
  const server = createServer((req, res) => {
    if (!sandbox) return void res.writeHead(503).end();
    serve(sandbox, router, req, res, held).then(
      (reply) => reply && write(res, reply),
      () => write(res, problem(500, "Internal Server Error", "The sandbox failed to handle this request")),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const mailbox = new Mailbox();
  const catcher = await startCatcher(mailbox, opts.smtpPort ?? 0, host)
    .catch((error: NodeJS.ErrnoException) => {
      if (!opts.smtpPortIsDefault || error.code !== "EADDRINUSE") throw error;
      console.warn(`sandbox: SMTP port ${opts.smtpPort} is taken; catching mail on a free port instead`);
      return startCatcher(mailbox, 0, host);
    })
    .catch((error: unknown) => {
      server.close();
      throw error;
    });
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const changed = stateFile ? () => stateFile.changed() : () => undefined;
  const running: Sandbox = {
    url,
    processingDelayMs: opts.processingDelayMs ?? 1500,
    alertRetryUnitMs: opts.alertRetryUnitMs ?? 1000,
    extraRedirectUris: extraRedirectUrisFromEnv(process.env.SANDBOX_EXTRA_REDIRECT_URIS),
    keys,
    catalog,
    mailbox,
    changed,
    state: createState(catalog, opts.alertRetryUnitMs ?? 1000, changed),
  };
  // Restored before the first request is let in, which would otherwise see an empty Leaf.
  if (saved) restoreInto(running, saved);
  sandbox = running;
  const closeOnce = async () => {
    await catcher.close();
    // Saved before disposing: disposing forgets which credentials still wait for validation.
    await stateFile?.flush();
    await new Promise<void>((resolve, reject) => {
      disposeState(running.state);
      for (const res of held) res.destroy();
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  };
  // Ctrl-C on `npm start` asks twice (SIGINT from the terminal, SIGTERM from start.mjs): a second close
  // must wait for the first, not fail and let main.ts exit before the state is saved.
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    smtpPort: catcher.port,
    close: () => {
      closing ??= closeOnce();
      return closing;
    },
  };
}
