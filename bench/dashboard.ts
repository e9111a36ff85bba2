// `npm run bench:dashboard [-- GROWERS]`: the staff dashboard at scale, in one run.
//  1. Seeds a sandbox Leaf with 10,000 growers (30,000 credentials' worth of grower x provider pairs) and
//     imports them with the app's own import.
//  2. Sweeps every connection with the app's sweep: wall time, and the peak request rate Leaf saw in any
//     one-second window against the configured limit.
//  3. Prints the plan of the search query.
//  4. Starts the built app on that database and times the dashboard's first page, a search and a filter
//     (p50/p95 of full responses over loopback), each beside a bare node:http server sending a static
//     HTML page of the same rows, as a ratio.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { providers } from "@/lib/providers/registry";
import { seedSandbox, seedUsers } from "@/lib/seeding/grower-mix";
import { staffCookie } from "@/lib/seeding/staff-cookie";
import { freePort } from "@/lib/testing/free-port";
import { startSandbox } from "@/sandbox/server";

const growerCount = Number(process.argv[2] ?? 10_000);
const requestsPerCase = Number(process.env.BENCH_REQUESTS ?? 300);
// A grower's first name and part of the last, as staff type when looking for one person.
const searchTerm = process.env.BENCH_SEARCH ?? "ida kowal";
const root = path.resolve(import.meta.dirname, "..");
const dataDir = mkdtempSync(path.join(tmpdir(), "headland-bench-"));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The highest number of timestamps inside any window [t, t + 1000). */
function peakPerSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let start = 0, end = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end]! < sorted[start]! + 1000) end++;
    peak = Math.max(peak, end - start);
  }
  return peak;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function timeRequests(
  url: string,
  headers: Record<string, string>,
): Promise<{ p50: number; p95: number; bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < 20; i++) await (await fetch(url, { headers })).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < requestsPerCase; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.arrayBuffer();
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
}

async function seedAndSweep(sandboxUrl: string): Promise<void> {
  // Import the app's modules only now: their configuration is read from the environment set above.
  const { openDatabase, installTestDatabase } = await import("@/lib/db/client");
  const { config } = await import("@/lib/config");
  const { leaf } = await import("@/lib/leaf");
  const { importLeafUsers } = await import("@/lib/growers/import-leaf-users");
  const { sweepOnce, throttledLeaf } = await import("@/lib/sweep/sweep");
  const { slidingWindowLimiter } = await import("@/lib/sweep/pacing");
  const { pageQuery } = await import("@/lib/dashboard/grower-rows");
  const { parseDashboardQuery } = await import("@/lib/dashboard/query");

  let started = Date.now();
  await seedSandbox(sandboxUrl, seedUsers(growerCount, "bench"));
  console.log(`seeded ${growerCount} Leaf users in ${seconds(Date.now() - started)}`);

  const { db, close } = await openDatabase({ dir: path.join(dataDir, "pglite") });
  installTestDatabase(db);
  started = Date.now();
  const imported = await importLeafUsers(leaf(), "bench");
  const again = await importLeafUsers(leaf(), "bench");
  console.log(
    `import: ${imported.added} growers in ${seconds(Date.now() - started)} ` +
      `(twice; the second run added ${again.added})`,
  );

  // Every request the sweep sends to Leaf, timed where it leaves this process.
  const sent: number[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).startsWith(sandboxUrl)) sent.push(performance.now());
    return realFetch(input, init);
  };
  const { concurrency, ratePerSecond } = config().sweep;
  started = Date.now();
  const pass = await sweepOnce(
    { concurrency, staleAfterMs: 0 },
    "bench",
    throttledLeaf(slidingWindowLimiter(ratePerSecond)),
  );
  const wall = Date.now() - started;
  globalThis.fetch = realFetch;
  console.log(
    `\nsweep: ${pass?.checked} connections (${growerCount} growers x ${providers.length} providers), ` +
      `${sent.length} requests to Leaf, wall time ${seconds(wall)}`,
  );
  console.log(
    `sweep: concurrency ${concurrency}, peak ${peakPerSecond(sent)} requests in any 1 s window, ` +
      `limit ${ratePerSecond}/s (HEADLAND_SWEEP_RATE_PER_SECOND)`,
  );

  await db.execute(sql`analyze`);
  const term = searchTerm;
  const plan = await db.execute(sql`explain analyze ${pageQuery(db, parseDashboardQuery({ q: term }))}`);
  console.log(`\nplan of the search query (q=${term}):`);
  for (const row of (plan as unknown as { rows: Record<string, string>[] }).rows)
    console.log(`  ${Object.values(row)[0]}`);
  await close();
}

async function startApp(sandboxPort: number): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      APP_URL: url,
      HOSTNAME_BIND: "127.0.0.1",
      HEADLAND_SANDBOX: "0",
      SANDBOX_PORT: String(sandboxPort),
      HEADLAND_DATA_DIR: dataDir,
      HEADLAND_DIST_DIR: process.env.HEADLAND_DIST_DIR ?? ".next-bench",
      // The sweep already ran; measuring page times while it writes would measure the sweep.
      HEADLAND_SWEEP_INTERVAL_MS: "0",
      LOG_LEVEL: "warn",
    },
  });
  for (let i = 0; i < 1800; i++) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, child };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the app did not start");
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The same rows as a static page: what a server that does nothing but send bytes achieves. */
function staticPage(data: {
  rows: { leafUserId: string; name: string; email: string; cells: { status: string }[]; lastChecked: string | null }[];
}): string {
  const cells = (r: (typeof data.rows)[number]) =>
    r.cells.map((c) => `<td><span class="badge">${c.status}</span></td>`).join("");
  const rows = data.rows
    .map(
      (r) =>
        `<tr><th scope="row"><a href="/growers/${r.leafUserId}">${escapeHtml(r.name)}</a>` +
        `<div>${escapeHtml(r.email)}</div></th>${cells(r)}<td>${r.lastChecked ?? "Never"}</td></tr>`,
    )
    .join("");
  const columns = providers.map((p) => `<th>${escapeHtml(p.name)}</th>`).join("");
  return (
    `<!doctype html><html><head><title>Growers</title></head><body><table><thead><tr><th>Grower</th>${columns}` +
    `<th>Last checked</th></tr></thead><tbody>${rows}</tbody></table></body></html>`
  );
}

async function measurePages(appUrl: string): Promise<void> {
  const cookie = await staffCookie(appUrl, "staff@headland.test", "headland");
  const headers = { cookie };
  const cases = [
    { label: "first page", search: "" },
    { label: `search "${searchTerm}"`, search: `?q=${encodeURIComponent(searchTerm)}` },
    { label: "filter Needs attention", search: "?status=attention" },
  ];
  const pages = new Map<string, string>();
  for (const c of cases)
    pages.set(
      `/dashboard${c.search}`,
      staticPage(await (await fetch(`${appUrl}/api/dashboard${c.search}`, { headers })).json()),
    );
  const bare: Server = createServer((req, res) => {
    const body = pages.get(req.url ?? "/");
    res.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8" }).end(body ?? "");
  });
  await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

  // The floor of any authenticated, server-rendered Next page on this machine: a page with no data.
  const floor = await timeRequests(`${appUrl}/signin`, {});
  const fmt = (n: number) => n.toFixed(2).padStart(7);
  const ratio = (a: number, b: number) => (a / b).toFixed(1).padStart(6);
  console.log(`\nserver time of full responses over loopback, ${requestsPerCase} sequential requests each (ms):`);
  console.log(
    "case                       | dashboard p50     p95 | static p50     p95 | ratio p50    p95 | vs /signin p50  p95",
  );
  const staticP50s: number[] = [];
  for (const c of cases) {
    const app = await timeRequests(`${appUrl}/dashboard${c.search}`, headers);
    const plain = await timeRequests(`${bareUrl}/dashboard${c.search}`, {});
    staticP50s.push(plain.p50);
    console.log(
      `${c.label.padEnd(26)} | ${fmt(app.p50)} ${fmt(app.p95)} | ${fmt(plain.p50)} ${fmt(plain.p95)} | ` +
        `${ratio(app.p50, plain.p50)} ${ratio(app.p95, plain.p95)} | ` +
        `${ratio(app.p50, floor.p50)} ${ratio(app.p95, floor.p95)}` +
        `   (${app.bytes} vs ${plain.bytes} bytes)`,
    );
  }
  // Where the time goes: the same data as JSON, without rendering the page.
  const json = await timeRequests(`${appUrl}/api/dashboard`, headers);
  console.log(
    "(GET /api/dashboard, the first page's data without the page: " +
      `p50 ${json.p50.toFixed(2)} ms, p95 ${json.p95.toFixed(2)} ms;`,
  );
  console.log(
    " GET /signin, a page with no data from the same server: " +
      `p50 ${floor.p50.toFixed(2)} ms, p95 ${floor.p95.toFixed(2)} ms,`,
  );
  console.log(
    ` itself ${ratio(floor.p50, Math.min(...staticP50s)).trim()}x the fastest static p50 above: ` +
      "the floor under every page this server renders)",
  );
  bare.close();
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ port: 0, processingDelayMs: 50 });
  Object.assign(process.env, {
    SANDBOX_PORT: String(sandbox.port),
    HEADLAND_MODE: "sandbox",
    HEADLAND_DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });
  process.env.HEADLAND_SWEEP_RATE_PER_SECOND ??= "500";
  let app: ChildProcess | undefined;
  try {
    await seedAndSweep(sandbox.url);
    const started = await startApp(sandbox.port);
    app = started.child;
    await measurePages(started.url);
  } finally {
    app?.kill("SIGTERM");
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
