// `npm run bench:dashboard`: the staff dashboard as growers grow, in one run.
//  1. For each size (BENCH_SIZES, default 1000,10000,100000 growers; 3 connections each), seeds the database
//     in bulk (set-based SQL, not one grower at a time) and starts the production app on it.
//  2. Times the dashboard's first page, a search and "Needs attention" beside the same server's sign-in
//     page (a page with no data: the framework's floor on this machine) and a bare node:http server sending
//     the same rows as static HTML, and a bare Next.js app (built in the run) drawing the same rows in a table
//     of the same elements: the framework's floor for that much page. Interleaved in rounds so the shared
//     machine's noise hits all alike.
//  3. At the largest size: the sweep over a sample of due connections (the rest checked recently), against
//     its configured Leaf rate; then 20 staff polling the live table every 5 s beside growers' callbacks.
// BENCH_DB=postgres (or DATABASE_URL) runs on PostgreSQL: a throwaway server of its own (Debian's, as the
// tests start it) on BENCH_PG_PORT, unless DATABASE_URL names one. Default: PGlite, as a single instance runs.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { growers } from "@/lib/db/schema";
import { providers } from "@/lib/providers/registry";
import { seedSandbox, seedUsers } from "@/lib/seeding/grower-mix";
import { freePort } from "@/lib/testing/free-port";
import { startPostgres } from "@/lib/testing/postgres";
import { buildNextApp, type RunningNextApp, rowsTable, startNextApp } from "./support/next-floor";
import { consentCallback, type Grower, newGrowers, signInStaff } from "./support/people";
import { buildIfNeeded, distDir, launch, stop, waitUntilUp } from "./support/stack";
import { figure, summarize } from "./support/stats";

const sizes = (process.env.BENCH_SIZES ?? process.argv[2] ?? "1000,10000,100000").split(",").map(Number);
const requestsPerCase = Number(process.env.BENCH_REQUESTS ?? 100);
// A grower's first name and part of the last, as staff type when looking for one person.
const searchTerm = process.env.BENCH_SEARCH ?? "ida kowal";
const usePostgres = process.env.BENCH_DB === "postgres" || Boolean(process.env.DATABASE_URL);
const sweepGrowers = Number(process.env.BENCH_SWEEP_GROWERS ?? 1000);
const sweepRate = Number(process.env.BENCH_SWEEP_RATE ?? 300);
const pollers = Number(process.env.BENCH_POLLERS ?? 20);
const pollEveryMs = 5_000;
const blockMs = Number(process.env.BENCH_BLOCK_MS ?? 10_000);
// Twelve blocks of 10 s give ~1,400 callbacks a side: with six (~700) the p95 ratio moved between 1.02x and
// 1.14x from one quiet run to the next.
const blocks = Number(process.env.BENCH_BLOCKS ?? 12);
const largest = Math.max(...sizes);
const dataDir = mkdtempSync(path.join(tmpdir(), "headland-bench-"));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const n = (count: number) => count.toLocaleString("en-US");

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

// ---------------------------------------------------------------------------------------------------------
// Seeding: growers and their connections in a few set-based statements, whatever the size.

const firstNames = ["Ada", "Ben", "Cora", "Dale", "Edna", "Floyd", "Greta", "Hank", "Ida", "Jed"];
const lastStarts = ["Bar", "Cor", "Del", "Fen", "Gar", "Hol", "Lin", "Mar", "Nor", "Pel", "Ros", "Tal"];
const lastEnds = ["ben", "dale", "ford", "ham", "ley", "mond", "ner", "rick", "ston", "ton", "well", "wick"];
const farms = ["Acres", "Creek", "Ridge", "Valley", "Prairie", "Hollow", "Bend", "Meadows"];
const array = (words: string[]) => sql.raw(`array[${words.map((w) => `'${w}'`).join(",")}]`);
/** The one grower the search looks for, present at every size: staff looking for one person find one. */
const sought = { id: 7, first: "Ida", last: "Kowalski" };

/**
 * Growers `from`..`to` (inclusive) and a snapshot for each of their connections: about two in five
 * connected, one in ten needing attention, the rest never connected; all checked in the last minute.
 * Names spread over 10 first names x 144 surnames x 8 farms, numbered.
 */
async function seedGrowers(db: Db, from: number, to: number): Promise<void> {
  const first = sql`case when i = ${sought.id} then ${sought.first}
    else (${array(firstNames)})[1 + i % ${firstNames.length}] end`;
  const last = sql`case when i = ${sought.id} then ${sought.last}
    else (${array(lastStarts)})[1 + (i / 10) % ${lastStarts.length}]
      || (${array(lastEnds)})[1 + (i / 120) % ${lastEnds.length}] end`;
  const farm = sql`(${array(farms)})[1 + (i / 7) % ${farms.length}]`;
  for (let start = from; start <= to; start += 20_000) {
    const end = Math.min(to, start + 19_999);
    await db.execute(sql`insert into growers (leaf_user_id, name, email)
      select 'bench-' || lpad(i::text, 7, '0'), ${first} || ' ' || ${last} || ' (' || ${farm} || ' ' || i || ')',
        lower(${first} || '.' || ${last} || '.' || i) || '@growers.test'
      from generate_series(${start}::int, ${end}::int) as i`);
    const ids = sql`'bench-' || lpad(i::text, 7, '0')`;
    const roll = sql`((abs(hashtext(${ids} || p.id)) % 1000) / 1000.0)::float8`;
    await db.execute(sql`insert into connection_snapshots (leaf_user_id, provider, status, checked_at, changed_at)
      select ${ids}, p.id,
        case when r < 0.40 then 'ok' when r < 0.46 then 'reauth' when r < 0.49 then 'missing_permission'
          when r < 0.50 then 'unavailable' when r < 0.505 then 'processing' else 'not_connected' end,
        now() - r * interval '60 seconds', now() - r * interval '30 days'
      from generate_series(${start}::int, ${end}::int) as i,
        (select unnest(${sql.raw(`array[${providers.map((p) => `'${p.id}'`).join(",")}]`)}) as id) as p,
        lateral (select ${roll} as r) as roll`);
  }
}

/**
 * Each view's page query as the database runs it at this size: its execution time, and with BENCH_PLANS=1
 * the whole plan (an index walk that stops after a page, or a scan of every grower).
 */
async function printPlans(db: Db): Promise<void> {
  const { pageQuery } = await import("@/lib/dashboard/grower-rows");
  const { parseDashboardQuery } = await import("@/lib/dashboard/query");
  for (const v of views) {
    const query = parseDashboardQuery(new URLSearchParams(v.search));
    const plan = await db.execute(sql`explain analyze ${pageQuery(db, query)}`);
    const lines = (plan as unknown as { rows: Record<string, string>[] }).rows.map((r) => Object.values(r)[0]!);
    const took = lines.find((l) => l.startsWith("Execution Time")) ?? "";
    console.log(`  page query, ${v.label}: ${took.toLowerCase()}`);
    if (process.env.BENCH_PLANS === "1") for (const line of lines) console.log(`    ${line}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The database, the sandbox and the app.

interface Store {
  /** The app's environment for this store. */
  env: Record<string, string>;
  label: string;
  open(): Promise<{ db: Db; close(): Promise<void> }>;
  stop(): Promise<void>;
}

async function openStore(): Promise<Store> {
  const { openDatabase } = await import("@/lib/db/client");
  if (!usePostgres) {
    const dir = path.join(dataDir, "pglite");
    return { env: {}, label: "PGlite", open: () => openDatabase({ dir }), stop: async () => {} };
  }
  const given = process.env.DATABASE_URL;
  const server = given
    ? { url: given, stop: async () => {} }
    : await startPostgres(Number(process.env.BENCH_PG_PORT ?? 4245));
  process.env.DATABASE_URL = server.url;
  return {
    env: { DATABASE_URL: server.url },
    label: "PostgreSQL",
    open: () => openDatabase({ url: server.url }),
    stop: server.stop,
  };
}

async function startSandbox(): Promise<{
  url: string;
  port: number;
  child: ChildProcess;
  env: Record<string, string>;
}> {
  const [port, smtpPort] = [await freePort(), await freePort()];
  const env = {
    SANDBOX_PORT: String(port),
    SANDBOX_SMTP_PORT: String(smtpPort),
    SANDBOX_PROCESSING_MS: "200",
    HEADLAND_DATA_DIR: dataDir,
  };
  const child = launch(["--import", "tsx", "sandbox/main.ts"], env, "sandbox");
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${url}/_sandbox/health`, child, "the sandbox");
  return { url, port, child, env };
}

async function startApp(shared: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = launch(
    ["scripts/server.mjs"],
    {
      ...shared,
      PORT: String(port),
      HOSTNAME_BIND: "127.0.0.1",
      APP_URL: url,
      NEXTAUTH_URL: url,
      HEADLAND_MODE: "sandbox",
      HEADLAND_DIST_DIR: distDir,
      HEADLAND_CONNECT_LIMIT_PER_SESSION: "1000000",
      HEADLAND_CONNECT_LIMIT_PER_ADDRESS: "1000000",
      // The sweep is measured on its own; page times taken while it writes would measure the sweep.
      HEADLAND_SWEEP_INTERVAL_MS: "0",
      LOG_LEVEL: "warn",
    },
    "app",
  );
  await waitUntilUp(`${url}/api/health`, child, "the app");
  return { url, child };
}

// ---------------------------------------------------------------------------------------------------------
// Page times.

async function timeOnce(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  const took = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return took;
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

const views = [
  { label: "first page", search: "" },
  { label: `search "${searchTerm}"`, search: `?q=${encodeURIComponent(searchTerm)}` },
  { label: "Needs attention", search: "?status=attention" },
];

interface SizeResult {
  size: number;
  signin: number;
  /** The bare Next.js page drawing the first page's rows, and its hello-world page (p50, ms). */
  floorRows: number;
  floorHello: number;
  views: Record<string, { p50: number; p95: number; static: number }>;
}

/** Where the bare Next.js app reads the rows it draws (FLOOR_ROWS): the first page's, written per size. */
const floorRowsFile = path.join(dataDir, "floor-rows.json");

async function measurePages(appUrl: string, size: number, floor: RunningNextApp): Promise<SizeResult> {
  const staff = { cookie: await signInStaff(appUrl) };
  const pages = new Map<string, string>();
  for (const v of views) {
    const data = await (await fetch(`${appUrl}/api/dashboard${v.search}`, { headers: staff })).json();
    pages.set(`/dashboard${v.search}`, staticPage(data));
    if (v === views[0]) writeFileSync(floorRowsFile, JSON.stringify(data.rows));
  }
  const bare: Server = createServer((req, res) => {
    const body = pages.get(req.url ?? "/");
    res.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8" }).end(body ?? "");
  });
  await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

  const cases = [
    { key: "signin", url: `${appUrl}/signin`, headers: {} },
    { key: "api", url: `${appUrl}/api/dashboard`, headers: staff },
    { key: "floor hello", url: `${floor.url}/`, headers: {} },
    { key: "floor rows", url: `${floor.url}/rows`, headers: {} },
    ...views.flatMap((v) => [
      { key: v.label, url: `${appUrl}/dashboard${v.search}`, headers: staff },
      { key: `static ${v.label}`, url: `${bareUrl}/dashboard${v.search}`, headers: {} },
    ]),
  ];
  const times = new Map<string, number[]>(cases.map((c) => [c.key, []]));
  for (const c of cases) for (let i = 0; i < 15; i++) await timeOnce(c.url, c.headers);
  // What each response weighs (HTML with its inline RSC payload): rendering time follows it.
  const bytes = new Map<string, number>();
  for (const c of cases)
    bytes.set(c.key, (await (await fetch(c.url, { headers: c.headers })).arrayBuffer()).byteLength);
  // Rounds of ten of each case: a burst of load from a neighbour lands on every column, not on one.
  for (let round = 0; round < Math.ceil(requestsPerCase / 10); round++)
    for (const c of cases) for (let i = 0; i < 10; i++) times.get(c.key)!.push(await timeOnce(c.url, c.headers));
  bare.close();

  const stats = (key: string) => summarize(times.get(key)!);
  const signin = stats("signin");
  const fmt = (x: number) => x.toFixed(2).padStart(7);
  console.log(`\n${n(size)} growers (${n(size * providers.length)} connections), p50/p95 of full responses (ms):`);
  console.log("view                     |   p50     p95 | x /signin p50 | static p50 |");
  console.log(`/signin (no data)        | ${fmt(signin.p50)} ${fmt(signin.p95)} |               |            |`);
  const [floorRows, floorHello] = [stats("floor rows"), stats("floor hello")];
  const result: SizeResult = {
    size,
    signin: signin.p50,
    floorRows: floorRows.p50,
    floorHello: floorHello.p50,
    views: {},
  };
  for (const v of views) {
    const page = stats(v.label);
    const plain = stats(`static ${v.label}`);
    result.views[v.label] = { p50: page.p50, p95: page.p95, static: plain.p50 };
    console.log(
      `${v.label.padEnd(24)} | ${fmt(page.p50)} ${fmt(page.p95)} | ` +
        `${(page.p50 / signin.p50).toFixed(2).padStart(12)}x | ${fmt(plain.p50)}    |`,
    );
  }
  const kB = (key: string) => `${(bytes.get(key)! / 1000).toFixed(1)} kB`;
  console.log(
    `(response size, uncompressed: /signin ${kB("signin")}; ` +
      `${views.map((v) => `${v.label} ${kB(v.label)}`).join("; ")}; /api/dashboard ${kB("api")})`,
  );
  const api = stats("api");
  console.log(
    "(GET /api/dashboard, the first page's data without the page: " +
      `p50 ${api.p50.toFixed(2)} ms, p95 ${api.p95.toFixed(2)} ms)`,
  );
  console.log(
    "(a bare Next.js page drawing the first page's rows in the dashboard table's elements: " +
      `p50 ${floorRows.p50.toFixed(2)} ms, ${(floorRows.p50 / signin.p50).toFixed(2)}x /signin, ${kB("floor rows")}; ` +
      `its hello-world page ${floorHello.p50.toFixed(2)} ms)`,
  );
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// The sweep at the largest size, over a sample of due connections.

async function sweepSample(db: Db, sandboxUrl: string): Promise<void> {
  const { installTestDatabase } = await import("@/lib/db/client");
  const { sweepOnce, throttledLeaf } = await import("@/lib/sweep/sweep");
  const { slidingWindowLimiter } = await import("@/lib/sweep/pacing");
  const { config } = await import("@/lib/config");
  installTestDatabase(db);

  const users = seedUsers(sweepGrowers, "sweep");
  const ids = await seedSandbox(sandboxUrl, users);
  for (let i = 0; i < ids.length; i += 1000)
    await db
      .insert(growers)
      .values(
        ids
          .slice(i, i + 1000)
          .map((leafUserId, j) => ({ leafUserId, name: users[i + j]!.name, email: users[i + j]!.email })),
      );

  const sent: number[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).startsWith(sandboxUrl)) sent.push(performance.now());
    return realFetch(input, init);
  };
  const { concurrency } = config().sweep;
  const started = performance.now();
  // Every seeded snapshot was checked in the last minute; only the sample's connections are due.
  const pass = await sweepOnce(
    { concurrency, staleAfterMs: 3_600_000 },
    "bench",
    throttledLeaf(slidingWindowLimiter(sweepRate)),
  );
  const wall = performance.now() - started;
  globalThis.fetch = realFetch;
  const connections = pass?.checked ?? 0;
  const allowed = (connections / sweepRate) * 1000;
  const peak = peakPerSecond(sent);
  console.log(
    `\nsweep at ${n(largest)} growers: ${n(connections)} due connections (a sample: ${n(sweepGrowers)} growers never ` +
      `checked, every other connection checked in the last minute), ${n(sent.length)} requests to Leaf, ` +
      `concurrency ${concurrency}, rate ${sweepRate}/s`,
  );
  console.log(
    `sweep: wall ${seconds(wall)}; connections ÷ rate = ${seconds(allowed)}; ` +
      `requests ÷ rate = ${seconds((sent.length / sweepRate) * 1000)}; peak ${peak} requests in any 1 s window`,
  );
  figure("dashboard", "sweep peak Leaf requests per second", String(peak), {
    text: `≤ ${sweepRate}`,
    met: peak <= sweepRate,
  });
  // Leaf answers a connection in 1-2 reads (the credential, then organizations for a provider that has
  // them), so at the configured rate the fastest possible pass is requests ÷ rate, not connections ÷ rate:
  // the issue's target assumed one request per connection, which would mean exceeding the rate.
  const floor = (sent.length / sweepRate) * 1000;
  figure("dashboard", "sweep wall ÷ (connections ÷ rate)", `${(wall / allowed).toFixed(2)}x`);
  figure("dashboard", "sweep wall ÷ (Leaf requests ÷ rate)", `${(wall / floor).toFixed(2)}x`, {
    text: "≤ 1.1x",
    met: wall / floor <= 1.1,
  });
}

// ---------------------------------------------------------------------------------------------------------
// 20 staff polling the live table beside growers' callbacks.

async function callbackUnderPolling(appUrl: string): Promise<void> {
  const staff = await signInStaff(appUrl);
  const growers = await newGrowers(appUrl, staff, 30, "Callback");
  let flow = 0;
  async function oneCallback(): Promise<number> {
    const grower: Grower = growers[flow % growers.length]!;
    const provider = providers[Math.floor(flow / growers.length) % providers.length]!;
    flow++;
    const callback = await consentCallback(appUrl, grower, provider.id);
    const started = performance.now();
    const response = await fetch(`${appUrl}${callback.pathname}${callback.search}`, {
      redirect: "manual",
      headers: { cookie: grower.cookie },
    });
    await response.arrayBuffer();
    const took = performance.now() - started;
    if (response.status !== 303) throw new Error(`the callback answered ${response.status}`);
    return took;
  }

  let polling = false;
  let polls = 0;
  let stopped = false;
  // Each poller keeps the dashboard's own rhythm (every 5 s), starting at its own offset, while polling is on.
  const loops = Array.from({ length: pollers }, async (_, i) => {
    await new Promise((r) => setTimeout(r, (i * pollEveryMs) / pollers));
    while (!stopped) {
      if (polling) {
        const response = await fetch(`${appUrl}/api/dashboard`, { headers: { cookie: staff } });
        await response.arrayBuffer();
        polls++;
      }
      await new Promise((r) => setTimeout(r, pollEveryMs));
    }
  });
  const quiet: number[] = [];
  const busy: number[] = [];
  // Alternating blocks, so drift in the machine's load falls on both sides.
  for (let block = 0; block < blocks; block++) {
    polling = block % 2 === 1;
    const into = polling ? busy : quiet;
    if (polling) await new Promise((r) => setTimeout(r, pollEveryMs));
    const until = performance.now() + blockMs;
    while (performance.now() < until) into.push(await oneCallback());
  }
  stopped = true;
  polling = false;
  await Promise.all(loops);
  const [a, b] = [summarize(quiet), summarize(busy)];
  console.log(
    `\ncallbacks at ${n(largest)} growers, sequential: without pollers ${a.count} flows p50 ${a.p50.toFixed(1)} ms ` +
      `p95 ${a.p95.toFixed(1)} ms; with ${pollers} staff polling every 5 s (${polls} polls) ${b.count} flows ` +
      `p50 ${b.p50.toFixed(1)} ms p95 ${b.p95.toFixed(1)} ms`,
  );
  figure("dashboard", `callback p95 with ${pollers} staff polling ÷ without`, `${(b.p95 / a.p95).toFixed(2)}x`, {
    text: "≤ 1.10x",
    met: b.p95 / a.p95 <= 1.1,
  });
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  buildIfNeeded();
  const floorDir = buildNextApp("dashboard-floor", rowsTable);
  writeFileSync(floorRowsFile, "[]");
  const floor = await startNextApp(floorDir, { FLOOR_ROWS: floorRowsFile });
  const sandbox = await startSandbox();
  Object.assign(process.env, {
    ...sandbox.env,
    HEADLAND_MODE: "sandbox",
    HEADLAND_SWEEP_RATE_PER_SECOND: String(sweepRate),
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });
  // Enough checks in flight to use the rate: a check takes ~0.2 s here (1.46 Leaf reads and 3-4 statements),
  // so 300/s needs about 60 in flight; at 32 the sweep measured 18.2 s, latency-bound, against 16.5 s at 64.
  process.env.HEADLAND_SWEEP_CONCURRENCY ??= "64";
  const store = await openStore();
  const where = usePostgres ? " (its own throwaway server unless DATABASE_URL is set)" : "";
  console.log(`dashboard bench on ${store.label}${where}, ${requestsPerCase} requests per case and size`);
  const results: SizeResult[] = [];
  let seeded = 0;
  let app: ChildProcess | undefined;
  try {
    for (const size of [...sizes].sort((a, b) => a - b)) {
      const { db, close } = await store.open();
      const bulk = size === largest ? size - sweepGrowers : size;
      const started = Date.now();
      if (bulk > seeded) await seedGrowers(db, seeded + 1, bulk);
      seeded = Math.max(seeded, bulk);
      await db.execute(sql`analyze`);
      console.log(`\nseeded ${n(seeded)} growers in ${seconds(Date.now() - started)} (bulk SQL)`);
      await printPlans(db);
      if (size === largest) await sweepSample(db, sandbox.url);
      await close();
      const started2 = await startApp({ ...sandbox.env, ...store.env });
      app = started2.child;
      results.push(await measurePages(started2.url, size, floor));
      if (size === largest && pollers > 0) await callbackUnderPolling(started2.url);
      await stop(app);
      app = undefined;
    }
  } finally {
    if (app) await stop(app);
    await stop(sandbox.child);
    await floor.stop();
    await store.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(floorDir, { recursive: true, force: true });
  }

  const smallest = results[0]!;
  const top = results.at(-1)!;
  console.log(`\np50 as growers grow (${store.label}), ms:`);
  console.log(`view                     | ${results.map((r) => n(r.size).padStart(9)).join(" ")} | largest ÷ smallest`);
  for (const v of [...views.map((x) => x.label)]) {
    const cells = results.map((r) => r.views[v]!.p50.toFixed(2).padStart(9)).join(" ");
    console.log(`${v.padEnd(24)} | ${cells} | ${(top.views[v]!.p50 / smallest.views[v]!.p50).toFixed(2)}x`);
  }
  console.log(`${"/signin (no data)".padEnd(24)} | ${results.map((r) => r.signin.toFixed(2).padStart(9)).join(" ")} |`);
  // The framework's own floor for this much table: what is above it is the dashboard's, the rest any Next app's.
  figure(
    "dashboard",
    `bare Next.js page with the first page's rows p50 ÷ /signin p50 at ${n(top.size)}`,
    `${(top.floorRows / top.signin).toFixed(2)}x`,
  );
  figure(
    "dashboard",
    `bare Next.js page with those rows p50 ÷ its own hello-world page`,
    `${(top.floorRows / top.floorHello).toFixed(2)}x`,
  );
  for (const v of views) {
    const mine = top.views[v.label]!;
    figure(
      "dashboard",
      `${v.label} p50 ÷ /signin p50 at ${n(top.size)} (${store.label})`,
      `${(mine.p50 / top.signin).toFixed(2)}x`,
      {
        text: "≤ 1.3x",
        met: mine.p50 / top.signin <= 1.3,
      },
    );
    figure(
      "dashboard",
      `${v.label} p50 ÷ the bare Next.js page with the first page's rows at ${n(top.size)} (${store.label})`,
      `${(mine.p50 / top.floorRows).toFixed(2)}x`,
    );
    const growth = mine.p50 / smallest.views[v.label]!.p50;
    figure(
      "dashboard",
      `${v.label} p50 at ${n(top.size)} ÷ at ${n(smallest.size)} (${store.label})`,
      `${growth.toFixed(2)}x`,
      {
        text: "≤ 1.2x",
        met: growth <= 1.2,
      },
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
