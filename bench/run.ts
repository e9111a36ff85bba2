// `npm run bench [-- NAME…]`: every bench, one after another, then one summary of their figures.
// Each bench is its own process (its own app, sandbox and ports) and prints `FIGURE` lines
// (bench/support/stats.ts); this collects them. A bench not written yet is skipped with a note.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const all = ["callback", "load", "dashboard", "budget", "lighthouse"];
const chosen = process.argv.slice(2).filter((a) => a !== "--");
const unknown = chosen.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`unknown bench ${unknown.join(", ")}; the benches are ${all.join(", ")}`);
  process.exit(2);
}

interface Outcome {
  name: string;
  status: "ran" | "failed" | "skipped";
  seconds: number;
  figures: string[];
}

function runBench(name: string): Promise<Outcome> {
  const file = path.join(root, "bench", `${name}.ts`);
  if (!existsSync(file)) return Promise.resolve({ name, status: "skipped", seconds: 0, figures: [] });
  const started = Date.now();
  const figures: string[] = [];
  return new Promise((resolve) => {
    console.log(`\n=== bench:${name} ===`);
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", file], {
      cwd: root,
      env: process.env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let pending = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (line.startsWith("FIGURE ")) figures.push(line.slice("FIGURE ".length));
    });
    child.on("exit", (code) =>
      resolve({ name, status: code === 0 ? "ran" : "failed", seconds: (Date.now() - started) / 1000, figures }),
    );
  });
}

async function main(): Promise<void> {
  const outcomes: Outcome[] = [];
  for (const name of chosen.length ? chosen : all) outcomes.push(await runBench(name));
  console.log("\n=== summary ===");
  for (const o of outcomes) {
    if (o.status === "skipped") {
      console.log(`${o.name}: skipped (bench/${o.name}.ts does not exist yet)`);
      continue;
    }
    console.log(`${o.name}: ${o.status === "ran" ? "ran" : "FAILED"} in ${o.seconds.toFixed(0)} s`);
    for (const f of o.figures) console.log(`  ${f}`);
  }
  const missed = outcomes.flatMap((o) => o.figures.filter((f) => f.endsWith(": MISSED)")));
  const failed = outcomes.filter((o) => o.status === "failed").map((o) => o.name);
  console.log(
    `\n${outcomes.filter((o) => o.status !== "skipped").length} benches run, ${failed.length} failed` +
      `${failed.length ? ` (${failed.join(", ")})` : ""}, ${missed.length} targets missed`,
  );
  for (const m of missed) console.log(`  missed: ${m}`);
  if (failed.length) process.exitCode = 1;
}

main();
