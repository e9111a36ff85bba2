// `npm run bench:budget`: the JavaScript each page sends, as the framework's floor plus what Headland adds.
//  1. Builds the app (into HEADLAND_DIST_DIR, default .next-budget; skipped when the sources are unchanged,
//     as `npm start` does).
//  2. In the same run, builds a hello-world App Router page with the same Next.js and React (this
//     node_modules) in a throwaway folder: the floor any page of any Next app pays.
//  3. For every page route, sums the gzip size of the JavaScript a browser loads on its first visit (Next's
//     root chunks and the route's entry chunks, from the build's own manifests; not the legacy polyfills,
//     which modern browsers skip) and prints it as floor + added, against the budgets.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildNextApp, helloWorld } from "./support/next-floor";
import { figure } from "./support/stats";

const root = path.resolve(import.meta.dirname, "..");
const distDir = process.env.HEADLAND_DIST_DIR || ".next-budget";
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Added on top of the floor, gzip. Grower-facing pages are the ones a grower on a phone meets. */
const growerPages = ["/", "/connections", "/invite/[token]", "/signin", "/_not-found"];
const budgets: Record<string, number> = { "/dashboard": 30_000 };
for (const page of growerPages) budgets[page] = 15_000;

function buildApp(): void {
  const result = spawnSync(
    process.execPath,
    ["--input-type=module", "-e", "(await import('./scripts/start.mjs')).buildIfNeeded()"],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, HEADLAND_DIST_DIR: distDir } },
  );
  if (result.status !== 0) throw new Error(`the app's build failed (exit ${result.status})`);
}

interface RouteJs {
  route: string;
  files: string[];
  gzip: number;
}

/** Every page route of a build and the JavaScript files its first load fetches, with their gzip total. */
function routesOf(buildDir: string): RouteJs[] {
  const read = (file: string) => JSON.parse(readFileSync(path.join(buildDir, file), "utf8"));
  const build = read("build-manifest.json") as { rootMainFiles: string[] };
  const routes = read("app-path-routes-manifest.json") as Record<string, string>;
  const sizes = new Map<string, number>();
  const gzipOf = (file: string) => {
    if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(path.join(buildDir, file))).length);
    return sizes.get(file)!;
  };
  const pages: RouteJs[] = [];
  for (const [entry, route] of Object.entries(routes)) {
    if (!entry.endsWith("/page") || route === "/_global-error") continue;
    const manifestFile = path.join(buildDir, "server/app", `${entry}_client-reference-manifest.js`);
    if (!existsSync(manifestFile)) continue;
    const holder = { __RSC_MANIFEST: {} as Record<string, { entryJSFiles: Record<string, string[]> }> };
    new Function("globalThis", readFileSync(manifestFile, "utf8"))(holder);
    const manifest = Object.values(holder.__RSC_MANIFEST)[0]!;
    const files = new Set(build.rootMainFiles);
    for (const chunks of Object.values(manifest.entryJSFiles)) for (const chunk of chunks) files.add(chunk);
    const list = [...files].map((f) => f.replace(/^\/_next\//, ""));
    pages.push({ route, files: list, gzip: list.reduce((sum, f) => sum + gzipOf(f), 0) });
  }
  return pages.sort((a, b) => a.route.localeCompare(b.route));
}

/** The route's own chunks (beyond Next's root chunks, which the floor loads too), largest first. */
function ownChunks(route: RouteJs, buildDir: string): string {
  const { rootMainFiles } = JSON.parse(readFileSync(path.join(buildDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  return route.files
    .filter((f) => !rootMainFiles.includes(f))
    .map((f) => ({ f, size: gzipSync(readFileSync(path.join(buildDir, f))).length }))
    .sort((a, b) => b.size - a.size)
    .map(({ f, size }) => `${path.basename(f)} ${kB(size)}`)
    .join(", ");
}

function main(): void {
  const started = Date.now();
  buildApp();
  const floorDir = buildNextApp("budget-floor", helloWorld);
  try {
    const floorRoutes = routesOf(path.join(floorDir, ".next"));
    const floor = floorRoutes.find((r) => r.route === "/")!;
    const next = JSON.parse(readFileSync(path.join(root, "node_modules/next/package.json"), "utf8")).version;
    console.log(`floor: a hello-world App Router page on Next ${next}: ${kB(floor.gzip)} gzip JavaScript\n`);
    console.log("route                          total gzip   = floor + added     budget");
    const appDir = path.join(root, distDir);
    const missed: string[] = [];
    for (const route of routesOf(appDir)) {
      const added = route.gzip - floor.gzip;
      const budget = budgets[route.route];
      const verdict = budget === undefined ? "" : `${kB(budget).padStart(8)} ${added <= budget ? "ok" : "OVER"}`;
      if (budget !== undefined && added > budget) missed.push(route.route);
      console.log(
        `${route.route.padEnd(30)} ${kB(route.gzip).padStart(10)}   = ${kB(floor.gzip)} + ` +
          `${kB(added).padStart(8)}  ${verdict}`,
      );
      if (budget !== undefined) {
        figure("budget", `${route.route} added JS (gzip)`, kB(added), {
          text: `≤ ${kB(budget)}`,
          met: added <= budget,
        });
      }
    }
    console.log(`  floor's own chunks beyond Next's root: ${ownChunks(floor, path.join(floorDir, ".next")) || "none"}`);
    for (const route of routesOf(appDir).filter((r) => budgets[r.route] !== undefined))
      console.log(`  ${route.route}: its chunks beyond Next's root: ${ownChunks(route, appDir)}`);
    if (missed.length) console.log(`over budget: ${missed.join(", ")}`);
    console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s, builds included)`);
  } finally {
    rmSync(floorDir, { recursive: true, force: true });
  }
}

main();
