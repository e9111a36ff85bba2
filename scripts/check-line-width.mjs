#!/usr/bin/env node
// Biome keeps code to 120 columns but never breaks a string, a comment or a template: this catches those.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const width = 120;
const files = execFileSync(
  "git",
  ["ls-files", "--cached", "--others", "--exclude-standard", "*.ts", "*.tsx", "*.mjs", "*.js"],
  {
    encoding: "utf8",
  },
)
  .split("\n")
  .filter((file) => file && existsSync(file));
const long = files.flatMap((file) =>
  readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line, i) => (line.length > width ? [`${file}:${i + 1}: ${line.length} columns`] : [])),
);
if (long.length) {
  console.error(`${long.length} lines are wider than ${width} columns:\n${long.join("\n")}`);
  process.exit(1);
}
console.log(`line width: ${files.length} files, no line over ${width} columns`);
