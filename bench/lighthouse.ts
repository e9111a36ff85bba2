// `npm run bench:lighthouse`: Lighthouse (mobile profile, simulated slow 4G and a mid-range phone's CPU) on
// the pages people meet, against the production build: the grower's /connections (signed in through an
// invite), the invite landing, the sign-in page and the staff /dashboard; and, first, a hello-world page
// built in the run with the same Next and React (bench/support/next-floor.ts): the score any Next app
// starts from on this machine. Prints performance, accessibility and best practices per page, and every
// audit that cost points, so a fix can aim at it.
// Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the npm build (e2e/support/chromium.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import type { Result } from "lighthouse";
import { chromiumPath } from "../e2e/support/chromium";
import { buildNextApp, helloWorld, type RunningNextApp, startNextApp } from "./support/next-floor";
import { addGrower, signInGrower, signInStaff } from "./support/people";
import { buildIfNeeded, startBenchStack } from "./support/stack";
import { figure } from "./support/stats";

const categories = ["performance", "accessibility", "best-practices"] as const;

interface Page {
  label: string;
  url: string;
  cookie?: string;
}

interface Scores {
  label: string;
  scores: Record<(typeof categories)[number], number>;
  misses: string[];
}

/**
 * Lighthouse's own CLI, in a plain Node process: its gatherers are serialized into the page, and this
 * script's TypeScript loader would have decorated them with helpers the page does not have.
 */
async function audit(port: number, page: Page): Promise<Scores> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), "headland-lighthouse-")), "report.json");
  const cli = createRequire(import.meta.url).resolve("lighthouse/cli/index.js");
  const args = [
    cli,
    page.url,
    `--port=${port}`,
    "--output=json",
    `--output-path=${out}`,
    `--only-categories=${categories.join(",")}`,
    "--quiet",
    // The session cookie rides on every request of the page, as the browser's own jar would send it.
    ...(page.cookie ? [`--extra-headers=${JSON.stringify({ Cookie: page.cookie })}`] : []),
  ];
  const run = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
  if (run.status !== 0) throw new Error(`Lighthouse exited with ${run.status} on ${page.label}`);
  const lhr = JSON.parse(readFileSync(out, "utf8")) as Result;
  rmSync(path.dirname(out), { recursive: true, force: true });
  if (lhr.runtimeError) throw new Error(`${page.label}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const finalUrl = lhr.finalDisplayedUrl;
  if (new URL(finalUrl).pathname !== new URL(page.url).pathname)
    throw new Error(`${page.label}: Lighthouse ended on ${finalUrl}, not the page asked for (signed out?)`);
  const scores = Object.fromEntries(
    categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
  ) as Scores["scores"];
  // Audits that count toward a category's score and lost points there.
  const weighted = new Set(
    categories.flatMap((c) => (lhr.categories[c]?.auditRefs ?? []).filter((r) => r.weight > 0).map((r) => r.id)),
  );
  const misses = Object.values(lhr.audits)
    .filter((a) => weighted.has(a.id) && a.score !== null && a.score < 1)
    .map(
      (a) => `${a.id} (${Math.round((a.score ?? 0) * 100)}${a.displayValue ? `, ${a.displayValue}` : ""})${what(a)}`,
    );
  return { label: page.label, scores, misses };
}

/** For an audit that lists what it found (console errors, failing elements): the first two, briefly. */
function what(audit: Result["audits"][string]): string {
  const items = (audit.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
  const said = items
    .slice(0, 2)
    .map((i) => String(i.description ?? i.url ?? (i.node as { snippet?: string } | undefined)?.snippet ?? ""))
    .filter(Boolean)
    .map((text) => text.slice(0, 160));
  return said.length ? `: ${said.join(" | ")}` : "";
}

async function main(): Promise<void> {
  buildIfNeeded();
  // The framework's floor, scored in the same run: a hello-world page on the same Next and React.
  const floorDir = buildNextApp("lighthouse-floor", helloWorld);
  let floor: RunningNextApp | undefined;
  const stack = await startBenchStack();
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
  });
  try {
    const staff = await signInStaff(stack.appUrl);
    const invited = await addGrower(stack.appUrl, staff, `Lighthouse Grower ${process.pid}`);
    // A second grower's link for the landing page: opening it does not use it, but keep the grower's own apart.
    const landing = await addGrower(stack.appUrl, staff, `Lighthouse Landing ${process.pid}`);
    const grower = await signInGrower(stack.appUrl, invited.inviteUrl);
    floor = await startNextApp(floorDir);
    const pages: Page[] = [
      { label: "hello world (Next's floor)", url: `${floor.url}/` },
      { label: "/connections (grower)", url: `${stack.appUrl}/connections`, cookie: grower },
      { label: "invite landing", url: landing.inviteUrl },
      { label: "/signin", url: `${stack.appUrl}/signin` },
      { label: "/dashboard (staff)", url: `${stack.appUrl}/dashboard`, cookie: staff },
    ];
    console.log("page                       performance  accessibility  best practices");
    const all: Scores[] = [];
    for (const page of pages) {
      // A starved machine sometimes loses the trace (NO_NAVSTART): one more try before giving up.
      const scores = await audit(chrome.port, page).catch(() => audit(chrome.port, page));
      all.push(scores);
      const cells = categories.map((c) => String(scores.scores[c]).padStart(c === "performance" ? 11 : 14)).join(" ");
      console.log(`${page.label.padEnd(26)} ${cells}`);
      if (scores.misses.length) console.log(`  lost points: ${scores.misses.join("; ")}`);
    }
    // The floor is a reference, not a page of ours: no target on it.
    const [reference, ...ours] = all;
    for (const c of categories) figure("lighthouse", `${reference!.label} ${c}`, String(reference!.scores[c]));
    for (const s of ours)
      for (const c of categories)
        figure("lighthouse", `${s.label} ${c}`, String(s.scores[c]), { text: "100", met: s.scores[c] === 100 });
  } finally {
    chrome.kill();
    await floor?.stop();
    await stack.stop();
    rmSync(floorDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
