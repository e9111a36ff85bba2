// Vitest global setup: one migrated database for the whole run, dumped once to a file that every test
// file's fresh database starts from. A PGlite initdb plus ten migrations costs seconds per test file on a
// 2-core machine; loading the dump skips both, and each test file still gets a database of its own.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/lib/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "headland-template-"));
  const file = path.join(dir, "migrated.tar");
  const { dumpDataDir, close } = await openDatabase({ dir: "memory://" });
  writeFileSync(file, Buffer.from(await (await dumpDataDir()).arrayBuffer()));
  await close();
  project.provide("databaseTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
