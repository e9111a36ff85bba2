// CPU time a process has used so far (user + system), from /proc: what each side of a comparison spent.
import { readFileSync } from "node:fs";

const ticksPerSecond = 100;

/** Milliseconds of CPU used by the process so far; NaN where /proc is not available. */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces; fields after its closing parenthesis are fixed.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}
