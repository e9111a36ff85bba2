// The framework's floor: a throwaway App Router app built with this checkout's own Next.js and React, so
// a bench can put what Headland costs beside what any Next app costs on the same machine in the same run.
// It lives in a hidden folder inside this checkout so Next resolves the very same node_modules (Turbopack
// refuses a node_modules symlinked from outside its root); plain .jsx so the build writes no tsconfig.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { freePort } from "@/lib/testing/free-port";
import { root, stop, waitUntilUp } from "./stack";

const nextBin = () => createRequire(path.join(root, "package.json")).resolve("next/dist/bin/next");

/** A hello-world page: the least any App Router page sends and does. */
export const helloWorld: Record<string, string> = {
  "app/layout.jsx":
    'export const metadata = { title: "Hello" };\n' +
    'export default function Layout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n',
  "app/page.jsx": "export default function Page() { return <h1>Hello, world</h1>; }\n",
};

/**
 * A hello-world app with one more page, `/rows`: a table of the rows in the JSON file FLOOR_ROWS names (read
 * on every request, the floor's stand-in for a query), drawn by a client component that gets them as props,
 * as the dashboard's table does, with the same elements and classes per row. What any Next app pays to
 * server-render and hydrate that much table, whatever else its page does.
 */
export const rowsTable: Record<string, string> = {
  ...helloWorld,
  "app/rows/page.jsx":
    'import { readFileSync } from "node:fs";\n' +
    'import RowsTable from "./rows-table";\n' +
    'export const dynamic = "force-dynamic";\n' +
    "export default function Page() {\n" +
    '  const rows = JSON.parse(readFileSync(process.env.FLOOR_ROWS, "utf8"));\n' +
    "  return <main><h1>Growers</h1><RowsTable rows={rows} /></main>;\n" +
    "}\n",
  "app/rows/rows-table.jsx": `"use client";
import Link from "next/link";
import { useState } from "react";
const line = "max-sm:flex max-sm:items-center max-sm:justify-between max-sm:gap-2 max-sm:py-1";
const badge = "inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset";
export default function RowsTable({ rows }) {
  const [picked, setPicked] = useState(new Set());
  const providers = [...new Set(rows.flatMap((r) => r.cells.map((c) => c.provider)))];
  return (
    <table className="w-full text-left text-sm">
      <tbody>
        {rows.map((row) => (
          <tr key={row.leafUserId} className="border-t border-stone-200 max-sm:block max-sm:py-2">
            <th scope="row" className="px-4 py-2 font-medium max-sm:block">
              <div className="flex items-start gap-3">
                <input type="checkbox" aria-label={"Select " + row.name} className="mt-1"
                  checked={picked.has(row.leafUserId)}
                  onChange={() => setPicked(new Set(picked).add(row.leafUserId))} />
                <div className="min-w-0">
                  <Link href={"/growers/" + encodeURIComponent(row.leafUserId)}
                    className="break-words text-field hover:underline">{row.name}</Link>
                  <div className="break-all font-normal text-stone-500">{row.email}</div>
                </div>
              </div>
            </th>
            {providers.map((p) => {
              const cell = row.cells.find((c) => c.provider === p);
              return (
                <td key={p} className={"px-4 py-2 align-top " + line}>
                  <span className="text-stone-700 sm:hidden">{p}</span>
                  <span><span className={badge + " bg-stone-100 text-stone-700 ring-stone-300"}>
                    {cell ? cell.status : "none"}</span></span>
                </td>
              );
            })}
            <td className={"whitespace-nowrap px-4 py-2 align-top text-stone-600 " + line}>
              <span className="sm:hidden">Last checked</span>
              <span>{row.lastChecked ?? "Never"}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
`,
};

/** Writes `files` (paths relative to the app) into a new folder and builds it; the folder, to remove later. */
export function buildNextApp(name: string, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(root, `.${name}-`));
  const all = {
    "package.json": JSON.stringify({ name, private: true }),
    "next.config.js": "module.exports = {};\n",
    // Next looks for instrumentation at Turbopack's root (this checkout, where the lockfile is) when the
    // app has none of its own: without this one, the floor would run Headland's own start-up.
    "instrumentation.js": "export function register() {}\n",
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const result = spawnSync(process.execPath, [nextBin(), "build"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (result.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the ${name} build failed (exit ${result.status})`);
  }
  return dir;
}

export interface RunningNextApp {
  url: string;
  pid?: number;
  stop(): Promise<void>;
}

/** `next start` on a free loopback port, its own process group, as the app runs in production. */
export async function startNextApp(dir: string, env: Record<string, string> = {}): Promise<RunningNextApp> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [nextBin(), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(url, child, "the Next.js floor");
  } catch (error) {
    await stop(child);
    throw error;
  }
  return { url, pid: child.pid, stop: () => stop(child) };
}
