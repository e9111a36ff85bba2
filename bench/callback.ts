// `npm run bench:callback`: the consent callback beside its floor, in one run.
//  The sandbox adds a fixed latency (BENCH_LATENCY_MS, 40 ms) to Trimble's token endpoint and to Leaf's
//  credentials POST, the two upstream calls a callback must wait for in sequence. N complete flows (start,
//  consent, callback) run at concurrency 1 and 50; each callback is timed beside a bare node:http handler
//  making the same two requests (bench/support/floor-server.ts) against the same sandbox. Starts and
//  consents are made first, unmeasured, and each batch waits until the sandbox is quiet (Leaf validating
//  the last batch and alerting the app), so a batch of callbacks shares the server with nothing else. App
//  and floor take turns in rounds, so noise from this shared machine falls on both alike. The latency is
//  the sandbox's own `slow` fault, aimed by method and path at exactly those two endpoints. The app
//  answers with Server-Timing (HEADLAND_SERVER_TIMING=1): the closing table says where its time goes, and
//  the CPU each process spent per callback (from /proc) says why concurrency costs the app more.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { availableParallelism } from "node:os";
import { trimble } from "@/lib/providers/trimble";
import { sandboxLeafAccount } from "@/lib/sandbox-defaults";
import { cpuMs } from "./support/cpu";
import { consentCallback, type Grower, newGrowers, signInStaff } from "./support/people";
import { buildIfNeeded, root, sandboxControl, startBenchStack } from "./support/stack";
import { figure, inParallel, ms, ratio, summarize } from "./support/stats";

const flows = Number(process.env.BENCH_FLOWS ?? 200);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 40);
const concurrencies = (process.env.BENCH_CONCURRENCY ?? "1,50").split(",").map(Number);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const provider = trimble;
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

async function startFloor(sandboxUrl: string, appUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const sandbox = provider.sandbox!;
  const config = {
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
  const child = spawn(process.execPath, ["--import", "tsx", "bench/support/floor-server.ts", JSON.stringify(config)], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [chunk] = (await once(child.stdout!, "data")) as [Buffer];
  return { url: `http://127.0.0.1:${Number(chunk.toString().trim())}`, child };
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

interface Pids {
  app?: number;
  floor?: number;
  sandbox?: number;
}

/** CPU milliseconds each process spent while `work` ran. */
async function cpuDuring<T>(
  pids: Pids,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: Record<keyof Pids, number> }> {
  const before = { app: cpuMs(pids.app), floor: cpuMs(pids.floor), sandbox: cpuMs(pids.sandbox) };
  const result = await work();
  const cpu = {
    app: cpuMs(pids.app) - before.app,
    floor: cpuMs(pids.floor) - before.floor,
    sandbox: cpuMs(pids.sandbox) - before.sandbox,
  };
  return { result, cpu };
}

async function measure(
  { appUrl, sandboxUrl }: { appUrl: string; sandboxUrl: string },
  floor: string,
  growers: Grower[],
  concurrency: number,
  pids: Pids,
) {
  const app: Sample[] = [];
  const bare: Sample[] = [];
  let appCpu = 0;
  let floorCpu = 0;
  const perRound = Math.ceil(flows / rounds);
  for (let round = 0; round < rounds; round++) {
    // Growers by worker: a grower's flows run one after another, as one person's would.
    const appFlows = await prepare(appUrl, growers, perRound);
    const floorFlows = await prepare(appUrl, growers, perRound);
    await quiet(sandboxUrl);
    const a = await cpuDuring(pids, () =>
      inParallel(appFlows, concurrency, (f) => timed(f.callback.toString(), f.grower.cookie)),
    );
    await quiet(sandboxUrl);
    const b = await cpuDuring(pids, () => inParallel(floorFlows, concurrency, (f) => timed(floorUrl(floor, f))));
    app.push(...a.result);
    bare.push(...b.result);
    appCpu += a.cpu.app;
    floorCpu += b.cpu.floor;
  }
  return { app, floor: bare, cpuPerCallback: { app: appCpu / app.length, floor: floorCpu / bare.length } };
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
  const stack = await startBenchStack({ HEADLAND_SERVER_TIMING: "1" });
  let floor: { url: string; child: ChildProcess } | undefined;
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
    floor = await startFloor(stack.sandboxUrl, stack.appUrl);
    const staff = await signInStaff(stack.appUrl);
    const growers = await newGrowers(stack.appUrl, staff, Math.max(...concurrencies), "Bench Grower");
    console.log(
      `callback bench: ${flows} flows per concurrency per side, ${latencyMs} ms added to ${provider.name}'s token ` +
        `endpoint and to Leaf's POST, ${growers.length} growers`,
    );
    // Warm-up: Next compiles nothing in production, but the first requests load route code and open pools.
    await measureWarm(stack.appUrl, floor.url, growers);

    const lines: string[] = [];
    for (const concurrency of concurrencies) {
      const pids = { app: stack.appPid, floor: floor.child.pid, sandbox: stack.sandboxPid };
      const { app, floor: bare, cpuPerCallback } = await measure(stack, floor.url, growers, concurrency, pids);
      const a = summarize(app.map((s) => s.ms));
      const f = summarize(bare.map((s) => s.ms));
      const c = `c=${concurrency}`;
      figure(bench, `${c} callback p50`, ms(a.p50));
      figure(bench, `${c} callback p99`, ms(a.p99));
      figure(bench, `${c} floor p50`, ms(f.p50));
      figure(bench, `${c} floor p99`, ms(f.p99));
      const strict = concurrency === 50;
      figure(
        bench,
        `${c} p50 ratio`,
        ratio(a.p50, f.p50),
        strict ? { text: "<= 1.05x", met: a.p50 <= 1.05 * f.p50 } : undefined,
      );
      figure(
        bench,
        `${c} p99 ratio`,
        ratio(a.p99, f.p99),
        strict ? { text: "<= 1.2x", met: a.p99 <= 1.2 * f.p99 } : undefined,
      );
      figure(bench, `${c} CPU per callback, app`, ms(cpuPerCallback.app, 2));
      figure(bench, `${c} CPU per callback, floor`, ms(cpuPerCallback.floor, 2));
      // With every callback in flight at once, each waits for the CPU the others need before its own turn.
      lines.push(
        `at ${c} the app spent ${ms(cpuPerCallback.app, 1)} of CPU per callback, the floor ` +
          `${ms(cpuPerCallback.floor, 1)}: ${concurrency} callbacks in flight queue for about ` +
          `${ms((concurrency * cpuPerCallback.app) / cores, 0)} of CPU on ${cores} cores against the floor's ` +
          `${ms((concurrency * cpuPerCallback.floor) / cores, 0)}`,
      );
      lines.push(`where the callback's time goes at ${c} (mean per callback, Server-Timing):`);
      lines.push(...breakdown(app, f.p50).map((l) => `  ${l}`));
    }
    console.log(lines.join("\n"));
    const calls = (await sandboxControl(stack.sandboxUrl, "GET", "calls")) as Record<string, number>;
    console.log(`sandbox calls: ${JSON.stringify(calls)}`);
  } finally {
    floor?.child.kill("SIGTERM");
    await stack.stop();
  }
}

async function measureWarm(appUrl: string, floor: string, growers: Grower[]): Promise<void> {
  const warm = await prepare(appUrl, growers, 20);
  await inParallel(warm.slice(0, 10), 5, (f) => timed(f.callback.toString(), f.grower.cookie));
  await inParallel(warm.slice(10), 5, (f) => timed(floorUrl(floor, f)));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
