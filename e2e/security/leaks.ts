// What the wiretap saw, searched for secrets. Every secret the sandbox issues is a run of base64url
// characters and dots (tokens, codes, JWTs, client secrets), which URL encoding, JSON and HTML escaping
// leave unchanged: each such run in a response or log line is looked up in the set of secrets, which
// stays fast over a whole run's thousands of secrets and megabytes of pages.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface Recorded {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string | string[]>;
  body: string | null;
}

export function recordedResponses(tapDir: string): Recorded[] {
  return readdirSync(tapDir)
    .filter((f) => f.startsWith("responses-"))
    .flatMap((file) =>
      readFileSync(path.join(tapDir, file), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Recorded),
    );
}

/** The secrets in `text`, shortened so a failure message does not print them whole. */
export function secretsIn(text: string, known: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const run of text.match(/[A-Za-z0-9_.-]{12,}/g) ?? []) {
    const trimmed = run.replace(/^\.+|\.+$/g, "");
    if (known.has(run) || known.has(trimmed)) found.push(`${trimmed.slice(0, 10)}…`);
  }
  return found;
}

/** Every place a secret appears: response headers (Location, cookies), bodies, and the app's log lines. */
export function findLeaks(tapDir: string, secrets: string[]) {
  const known = new Set(secrets);
  const leaks: string[] = [];
  const search = (text: string, where: () => string) => {
    for (const secret of secretsIn(text, known)) leaks.push(`${secret} in ${where()}`);
  };
  const responses = recordedResponses(tapDir);
  for (const r of responses) search(JSON.stringify(r.headers), () => `headers of ${r.method} ${r.url} (${r.status})`);
  const bodyDir = path.join(tapDir, "bodies");
  const bodies = existsSync(bodyDir) ? readdirSync(bodyDir) : [];
  const urlOf = new Map(responses.filter((r) => r.body).map((r) => [r.body!, `${r.method} ${r.url} (${r.status})`]));
  for (const hash of bodies)
    search(readFileSync(path.join(bodyDir, hash), "latin1"), () => `body of ${urlOf.get(hash) ?? hash}`);
  let logLines = 0;
  for (const file of readdirSync(tapDir).filter((f) => f.startsWith("app-"))) {
    const lines = readFileSync(path.join(tapDir, file), "utf8").split("\n");
    logLines += lines.length;
    for (const [i, line] of lines.entries()) search(line, () => `${file} line ${i + 1}`);
  }
  return { leaks, responses: responses.length, bodies: bodies.length, logLines };
}
