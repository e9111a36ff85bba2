// `npm run bench:callback`: the consent callback beside its floors, in one run.
//  The sandbox adds a fixed latency (BENCH_LATENCY_MS, 40 ms) to Trimble's token endpoint and to Leaf's
//  credentials POST, the two upstream calls a callback must wait for in sequence. N complete flows (start,
//  consent, callback) run at concurrency 1 and 50; each callback is timed beside two floors making the same
//  two requests (bench/support/floor-calls.ts) against the same sandbox: a bare node:http handler (the
//  physical floor) and a bare Next.js route handler built in this run with the app's own Next and React (the
//  framework's floor: what any Next app pays before Headland's own work). Starts and consents are made
//  first, unmeasured, and each batch waits until the sandbox is quiet (Leaf validating the last batch and
//  alerting the app), so a batch of callbacks shares the server with nothing else. The three take turns in
//  rounds, so noise from this shared machine falls on all alike. The latency is the sandbox's own `slow`
//  fault, aimed by method and path at exactly those two endpoints. The app answers with Server-Timing
//  (HEADLAND_SERVER_TIMING=1): the closing table says where its time goes, and the CPU each process spent
//  per callback (from /proc) says why concurrency costs more.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { trimble } from "@/lib/providers/trimble";
import { sandboxLeafAccount } from "@/lib/sandbox-defaults";
import { inParallel } from "@/lib/testing/in-parallel";
import { startPostgres } from "@/lib/testing/postgres";
import { cpuMs } from "./support/cpu";
import type { FloorConfig } from "./support/floor-calls";
import { buildNextApp, helloWorld, type RunningNextApp, startNextApp } from "./support/next-floor";
import { consentCallback, type Grower, newGrowers, signInStaff } from "./support/people";
import { buildIfNeeded, root, sandboxControl, startBenchStack } from "./support/stack";
import { figure, ms, ratio, summarize } from "./support/stats";

const flows = Number(process.env.BENCH_FLOWS ?? 200);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 40);
const concurrencies = (process.env.BENCH_CONCURRENCY ?? "1,50").split(",").map(Number);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const provider = trimble;
// BENCH_DB=postgres: the app on PostgreSQL (its own throwaway server on BENCH_PG_PORT, 4246, unless
// DATABASE_URL names one) instead of PGlite, so the database's CPU leaves the app's process.
const usePostgres = process.env.BENCH_DB === "postgres" || Boolean(process.env.DATABASE_URL);
const bench = "callback";
const cores = availableParallelism();

interface Prepared {
  grower: Grower;
  callback: URL;
}

interface Sample {
  ms: number;
  /** Server-Timing steps, app only. */
  steps?: Map<string, number>;
}

function parseServerTiming(header: string | null): Map<string, number> | undefined {
  if (!header) return undefined;
  const steps = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, dur] = part.trim().split(";dur=");
    if (name && dur) steps.set(name, Number(dur));
  }
  return steps;
}

async function timed(url: string, cookie?: string): Promise<Sample> {
  const started = performance.now();
  const response = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 303) throw new Error(`${new URL(url).pathname} answered ${response.status}`);
  return { ms: elapsed, steps: parseServerTiming(response.headers.get("server-timing")) };
}

function floorConfig(sandboxUrl: string, appUrl: string): FloorConfig {
  const sandbox = provider.sandbox!;
  return {
    sandboxUrl,
    tokenPath: sandbox.endpoints.token,
    clientId: sandbox.client.clientId,
    clientSecret: sandbox.client.clientSecret,
    redirectUri: `${appUrl}/api/connect/${provider.id}/callback`,
    leafCredentialsPath: provider.leaf.path,
    leafUsername: sandboxLeafAccount.username,
    leafPassword: sandboxLeafAccount.password,
    location: `${sandboxUrl}/trimble/ThirdPartyAccess/ThirdPartyAuthorizationRedirect`,
  };
}

async function startFloor(config: FloorConfig): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/support/floor-server.ts", JSON.stringify(config)], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [chunk] = (await once(child.stdout!, "data")) as [Buffer];
  return { url: `http://127.0.0.1:${Number(chunk.toString().trim())}`, child };
}

/**
 * The framework's floor: the same two requests in a bare Next.js route handler (same Next and React as
 * the app, `next start`, no proxy, session, database or logging), built in this run.
 */
function buildNextFloor(): string {
  const calls = path.relative(path.join(root, ".x", "app", "callback"), path.join(root, "bench/support/floor-calls"));
  return buildNextApp("callback-floor", {
    ...helloWorld,
    "app/callback/route.js":
      `import { floorCalls } from ${JSON.stringify(calls)};\n` +
      'export const dynamic = "force-dynamic";\n' +
      "let deliver;\n" +
      "export async function GET(request) {\n" +
      "  const cfg = JSON.parse(process.env.FLOOR_CONFIG);\n" +
      "  deliver ??= floorCalls(cfg);\n" +
      "  try {\n" +
      "    await deliver(new URL(request.url).searchParams);\n" +
      "    return new Response(null, { status: 303, headers: { location: cfg.location } });\n" +
      "  } catch (error) {\n" +
      "    return new Response(error.message, { status: 502 });\n" +
      "  }\n" +
      "}\n",
  });
}

/** Starts and consents, unmeasured: each flow's callback URL, ready to visit. */
function prepare(appUrl: string, growers: Grower[], count: number): Promise<Prepared[]> {
  return inParallel(
    Array.from({ length: count }, (_, i) => growers[i % growers.length]!),
    8,
    async (grower) => ({ grower, callback: await consentCallback(appUrl, grower, provider.id) }),
  );
}

/**
 * Waits until the sandbox has seen no call for a second: Leaf validating the last batch's credentials and
 * alerting the app (which then reads the connection) must not land in the next batch's measurement.
 */
async function quiet(sandboxUrl: string): Promise<void> {
  const total = async () =>
    Object.values((await sandboxControl(sandboxUrl, "GET", "calls")) as Record<string, number>).reduce(
      (a, b) => a + b,
      0,
    );
  let last = await total();
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await total();
    if (now === last) return;
    last = now;
  }
}

const floorUrl = (floor: string, { grower, callback }: Prepared) =>
  `${floor}/callback${callback.search}&leafUserId=${encodeURIComponent(grower.leafUserId)}`;

/** The three sides, each its own process: the app, the bare Next.js route, the bare node:http handler. */
const sides = ["app", "next", "node"] as const;
type Side = (typeof sides)[number];

interface Targets {
  appUrl: string;
  sandboxUrl: string;
  nextUrl: string;
  nodeUrl: string;
  pids: Record<Side, number | undefined>;
}

function visit(side: Side, t: Targets, f: Prepared): Promise<Sample> {
  if (side === "app") return timed(f.callback.toString(), f.grower.cookie);
  return timed(floorUrl(side === "next" ? t.nextUrl : t.nodeUrl, f));
}

/** Each side's callbacks and the CPU its process spent per callback, taking turns in rounds. */
async function measure(t: Targets, growers: Grower[], concurrency: number) {
  const samples: Record<Side, Sample[]> = { app: [], next: [], node: [] };
  const cpu: Record<Side, number> = { app: 0, next: 0, node: 0 };
  const perRound = Math.ceil(flows / rounds);
  for (let round = 0; round < rounds; round++) {
    for (const side of sides) {
      // Growers by worker: a grower's flows run one after another, as one person's would.
      const batch = await prepare(t.appUrl, growers, perRound);
      await quiet(t.sandboxUrl);
      const before = cpuMs(t.pids[side]);
      samples[side].push(...(await inParallel(batch, concurrency, (f) => visit(side, t, f))));
      cpu[side] += cpuMs(t.pids[side]) - before;
    }
  }
  const perCallback = Object.fromEntries(sides.map((s) => [s, cpu[s] / samples[s].length])) as Record<Side, number>;
  return { samples, perCallback };
}

/** Mean per step across the app's callbacks, and what the handler's steps leave unexplained. */
function breakdown(samples: Sample[], floorP50: number): string[] {
  const totals = new Map<string, number>();
  for (const s of samples) for (const [name, dur] of s.steps ?? []) totals.set(name, (totals.get(name) ?? 0) + dur);
  const n = samples.length;
  const handler = [...totals.values()].reduce((a, b) => a + b, 0) / n;
  const wall = samples.reduce((a, s) => a + s.ms, 0) / n;
  const lines = [...totals].map(([name, total]) => `${name.padEnd(12)} ${ms(total / n, 2).padStart(10)}`);
  lines.push(`${"outside".padEnd(12)} ${ms(wall - handler, 2).padStart(10)}  (Next, HTTP, the event loop's queue)`);
  lines.push(`${"total".padEnd(12)} ${ms(wall, 2).padStart(10)}  (mean; the floor's p50 is ${ms(floorP50, 2)})`);
  return lines;
}

async function main(): Promise<void> {
  buildIfNeeded();
  const nextDir = buildNextFloor();
  const postgres =
    usePostgres && !process.env.DATABASE_URL
      ? await startPostgres(Number(process.env.BENCH_PG_PORT ?? 4246))
      : undefined;
  if (postgres) process.env.DATABASE_URL = postgres.url;
  const stack = await startBenchStack({ HEADLAND_SERVER_TIMING: "1" });
  let node: { url: string; child: ChildProcess } | undefined;
  let next: RunningNextApp | undefined;
  try {
    // A fixed added latency: faults in "slow" mode on exactly the two upstream calls, never on reads.
    const tokenPath = provider.sandbox!.endpoints.token;
    await sandboxControl(stack.sandboxUrl, "POST", "faults", {
      target: provider.id,
      mode: "slow",
      delayMs: latencyMs,
      method: "POST",
      path: tokenPath,
    });
    await sandboxControl(stack.sandboxUrl, "POST", "faults", {
      target: "leaf",
      mode: "slow",
      delayMs: latencyMs,
      method: "POST",
      path: `/${provider.leaf.path}`,
    });
    const config = floorConfig(stack.sandboxUrl, stack.appUrl);
    node = await startFloor(config);
    next = await startNextApp(nextDir, { FLOOR_CONFIG: JSON.stringify(config) });
    const targets: Targets = {
      appUrl: stack.appUrl,
      sandboxUrl: stack.sandboxUrl,
      nextUrl: next.url,
      nodeUrl: node.url,
      pids: { app: stack.appPid, next: next.pid, node: node.child.pid },
    };
    const staff = await signInStaff(stack.appUrl);
    const growers = await newGrowers(stack.appUrl, staff, Math.max(...concurrencies), "Bench Grower");
    const database = usePostgres ? "PostgreSQL" : "PGlite";
    console.log(
      `callback bench: ${flows} flows per concurrency per side, ${latencyMs} ms added to ${provider.name}'s token ` +
        `endpoint and to Leaf's POST, ${growers.length} growers, the app on ${database}; ` +
        "sides: the app, a bare Next.js route handler (the framework's floor) and a bare node:http handler (the " +
        "floor), each making the same two requests",
    );
    // Warm-up: Next compiles nothing in production, but the first requests load route code and open pools.
    const warm = await prepare(stack.appUrl, growers, 30);
    for (const [i, side] of sides.entries())
      await inParallel(warm.slice(i * 10, i * 10 + 10), 5, (f) => visit(side, targets, f));

    const lines: string[] = [];
    for (const concurrency of concurrencies) {
      const { samples, perCallback } = await measure(targets, growers, concurrency);
      const [a, n, f] = sides.map((side) => summarize(samples[side].map((s) => s.ms)));
      const c = `c=${concurrency}`;
      figure(bench, `${c} callback p50`, ms(a!.p50));
      figure(bench, `${c} callback p99`, ms(a!.p99));
      figure(bench, `${c} Next.js floor p50`, ms(n!.p50));
      figure(bench, `${c} Next.js floor p99`, ms(n!.p99));
      figure(bench, `${c} floor p50`, ms(f!.p50));
      figure(bench, `${c} floor p99`, ms(f!.p99));
      const strict = concurrency === 50;
      figure(
        bench,
        `${c} p50 ratio`,
        ratio(a!.p50, f!.p50),
        strict ? { text: "<= 1.05x", met: a!.p50 <= 1.05 * f!.p50 } : undefined,
      );
      figure(
        bench,
        `${c} p99 ratio`,
        ratio(a!.p99, f!.p99),
        strict ? { text: "<= 1.2x", met: a!.p99 <= 1.2 * f!.p99 } : undefined,
      );
      figure(bench, `${c} Next.js floor ÷ floor, p50 / p99`, `${ratio(n!.p50, f!.p50)} / ${ratio(n!.p99, f!.p99)}`);
      figure(bench, `${c} callback ÷ Next.js floor, p50 / p99`, `${ratio(a!.p50, n!.p50)} / ${ratio(a!.p99, n!.p99)}`);
      for (const side of sides) figure(bench, `${c} CPU per callback, ${sideName[side]}`, ms(perCallback[side], 2));
      // With every callback in flight at once, each waits for the CPU the others need before its own turn.
      const queue = (side: Side) => ms((concurrency * perCallback[side]) / cores, 0);
      lines.push(
        `at ${c}, CPU per callback: the app ${ms(perCallback.app, 1)}, the Next.js floor ` +
          `${ms(perCallback.next, 1)}, the floor ${ms(perCallback.node, 1)}; ${concurrency} in flight queue for ` +
          `about ${queue("app")} / ${queue("next")} / ${queue("node")} of CPU on ${cores} cores`,
      );
      lines.push(`where the callback's time goes at ${c} (mean per callback, Server-Timing):`);
      lines.push(...breakdown(samples.app, f!.p50).map((l) => `  ${l}`));
    }
    console.log(lines.join("\n"));
    const calls = (await sandboxControl(stack.sandboxUrl, "GET", "calls")) as Record<string, number>;
    console.log(`sandbox calls: ${JSON.stringify(calls)}`);
  } finally {
    node?.child.kill("SIGTERM");
    await next?.stop();
    await stack.stop();
    await postgres?.stop();
    rmSync(nextDir, { recursive: true, force: true });
  }
}

const sideName: Record<Side, string> = { app: "app", next: "Next.js floor", node: "floor" };

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
