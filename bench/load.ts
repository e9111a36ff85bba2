// `npm run bench:load`: the production build held under rising load, on 127.0.0.1 only.
//  autocannon on the grower page (/connections), the status API (each provider's status, fresh from
//  Leaf), the staff dashboard; then complete connect flows (start, consent at the sandbox, callback) from
//  as many growers at once. Per step: throughput, p99, errors, and the first step where p99 passes
//  500 ms. It fails on any 5xx, and unless every flow started reaches Leaf (counted at the sandbox, after
//  the outbox has had time for any retry). Bounded: BENCH_LOAD_SECONDS per step, a handful of steps.
import autocannon from "autocannon";
import { trimble } from "@/lib/providers/trimble";
import { inParallel } from "@/lib/testing/in-parallel";
import { consentCallback, type Grower, newGrowers, signInStaff } from "./support/people";
import { buildIfNeeded, sandboxControl, startBenchStack } from "./support/stack";
import { figure, ms, summarize } from "./support/stats";

const steps = (process.env.BENCH_LOAD_STEPS ?? "1,10,25,50").split(",").map(Number);
const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const p99LimitMs = 500;
const bench = "load";

interface Step {
  concurrency: number;
  perSecond: number;
  p99: number;
  errors: number;
  serverErrors: number;
}

function report(target: string, results: Step[], unit = "req"): { serverErrors: number } {
  console.log(`\n${target}`);
  console.log(`  concurrency | ${`${unit}/s`.padEnd(7)} | p99 (ms) | errors | 5xx`);
  for (const r of results)
    console.log(
      `  ${String(r.concurrency).padStart(11)} | ${r.perSecond.toFixed(1).padStart(7)} | ` +
        `${r.p99.toFixed(1).padStart(8)} | ${String(r.errors).padStart(6)} | ${r.serverErrors}`,
    );
  const passing = results.find((r) => r.p99 > p99LimitMs);
  const peak = Math.max(...results.map((r) => r.perSecond));
  figure(bench, `${target} peak throughput`, `${peak.toFixed(1)} ${unit}/s`);
  figure(
    bench,
    `${target} p99 passes ${p99LimitMs} ms at`,
    passing ? `concurrency ${passing.concurrency}` : `none up to ${results.at(-1)?.concurrency}`,
  );
  const serverErrors = results.reduce((n, r) => n + r.serverErrors, 0);
  figure(bench, `${target} 5xx`, String(serverErrors), { text: "0", met: serverErrors === 0 });
  return { serverErrors };
}

async function cannon(url: string, cookie: string): Promise<Step[]> {
  const results: Step[] = [];
  // A short warm-up, so the first step does not measure the route's first load.
  await autocannon({ url, connections: 2, amount: 20, headers: { cookie } });
  for (const concurrency of steps) {
    const r = await autocannon({ url, connections: concurrency, duration: seconds, timeout: 10, headers: { cookie } });
    results.push({
      concurrency,
      perSecond: r.requests.total / r.duration,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts + r.non2xx,
      serverErrors: r["5xx"],
    });
  }
  return results;
}

/** Complete flows, `concurrency` growers at a time, for `seconds`; each flow's wall time and outcome. */
async function flowStep(appUrl: string, growers: Grower[], concurrency: number) {
  const deadline = Date.now() + seconds * 1000;
  const times: number[] = [];
  let started = 0;
  let errors = 0;
  let serverErrors = 0;
  await inParallel(growers.slice(0, concurrency), concurrency, async (grower) => {
    while (Date.now() < deadline) {
      const t0 = performance.now();
      started++;
      try {
        const callback = await consentCallback(appUrl, grower, trimble.id);
        const response = await fetch(callback, { redirect: "manual", headers: { cookie: grower.cookie } });
        await response.arrayBuffer();
        if (response.status >= 500) serverErrors++;
        if (response.status !== 303) errors++;
        else times.push(performance.now() - t0);
      } catch (error) {
        errors++;
        if (/answered 5\d\d/.test((error as Error).message)) serverErrors++;
      }
    }
  });
  const summary = summarize(times);
  return { started, step: { concurrency, perSecond: times.length / seconds, p99: summary.p99, errors, serverErrors } };
}

/** Leaf's credential POSTs for the provider, as the sandbox counted them. */
async function leafPosts(sandboxUrl: string): Promise<number> {
  const calls = (await sandboxControl(sandboxUrl, "GET", "calls")) as Record<string, number>;
  return Object.entries(calls)
    .filter(([name]) => name.startsWith("leaf.POST") && name.endsWith(`/${trimble.leaf.path}`))
    .reduce((sum, [, n]) => sum + n, 0);
}

async function main(): Promise<void> {
  const began = Date.now();
  buildIfNeeded();
  const stack = await startBenchStack({ HEADLAND_OUTBOX_INTERVAL_MS: "500" });
  let failed = false;
  try {
    const staff = await signInStaff(stack.appUrl);
    const growers = await newGrowers(stack.appUrl, staff, Math.max(...steps), "Load Grower");
    // Some history for the pages to show: the first grower connected, a few others too.
    for (const grower of growers.slice(0, 5)) {
      const callback = await consentCallback(stack.appUrl, grower, trimble.id);
      await (await fetch(callback, { redirect: "manual", headers: { cookie: grower.cookie } })).arrayBuffer();
    }
    const first = growers[0]!;
    console.log(
      `load bench: steps at concurrency ${steps.join(", ")}, ${seconds} s each, ${growers.length} growers, ` +
        `p99 limit ${p99LimitMs} ms`,
    );
    const pages: [string, string, string][] = [
      ["grower page /connections", `${stack.appUrl}/connections`, first.cookie],
      ["status API", `${stack.appUrl}/api/growers/${encodeURIComponent(first.leafUserId)}/connections`, first.cookie],
      ["dashboard", `${stack.appUrl}/dashboard`, staff],
    ];
    for (const [target, url, cookie] of pages) {
      const { serverErrors } = report(target, await cannon(url, cookie));
      if (serverErrors) failed = true;
    }

    await sandboxControl(stack.sandboxUrl, "POST", "calls/reset");
    const flowSteps: Step[] = [];
    let started = 0;
    for (const concurrency of steps) {
      const result = await flowStep(stack.appUrl, growers, concurrency);
      started += result.started;
      flowSteps.push(result.step);
    }
    if (report("connect flows (start, consent, callback)", flowSteps, "flows").serverErrors) failed = true;
    // A callback that answered "saving" left its credentials to the outbox; give it time to retry.
    let delivered = await leafPosts(stack.sandboxUrl);
    for (let i = 0; i < 60 && delivered < started; i++) {
      await new Promise((r) => setTimeout(r, 500));
      delivered = await leafPosts(stack.sandboxUrl);
    }
    figure(bench, "connect flows delivered to Leaf", `${delivered} of ${started} started`, {
      text: "all",
      met: delivered >= started,
    });
    if (delivered < started) failed = true;
    figure(bench, "wall time", ms(Date.now() - began, 0));
  } finally {
    await stack.stop();
  }
  if (failed) throw new Error("load bench: a 5xx was answered or a flow did not reach Leaf");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
