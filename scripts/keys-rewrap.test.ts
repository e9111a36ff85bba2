import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseKeyring } from "@/lib/crypto/seal";
import { openDatabase } from "@/lib/db/client";
import { deliveries } from "@/lib/db/schema";
import { openTokens, sealTokens } from "@/lib/outbox/sealing";

const root = path.resolve(__dirname, "..");
const key = () => randomBytes(32).toString("base64url");

describe("npm run keys:rewrap", () => {
  it("moves a PGlite outbox to the newest key, after which the old key can go", { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "headland-rewrap-"));
    const [oldKey, newKey] = [`old:${key()}`, `new:${key()}`];
    const row = { id: randomUUID(), leafUserId: "grower-1", provider: "trimble", correlationId: "corr-1" };
    const tokens = { accessToken: "at", refreshToken: "rt" };
    const before = await openDatabase({ dir: path.join(dataDir, "pglite") });
    await before.db.insert(deliveries).values({ ...row, ...sealTokens(parseKeyring(oldKey), row, tokens) });
    await before.close();

    const run = spawnSync("npm", ["run", "--silent", "keys:rewrap"], {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
      env: {
        NODE_ENV: process.env.NODE_ENV,
        PATH: process.env.PATH,
        HEADLAND_MODE: "sandbox",
        HEADLAND_DATA_DIR: dataDir,
        HEADLAND_ENCRYPTION_KEY: `${newKey},${oldKey}`,
      },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("1 re-sealed under key new, 0 already were");
    expect(run.stdout).toContain("older keys can be removed");

    const after = await openDatabase({ dir: path.join(dataDir, "pglite") });
    const [stored] = await after.db.select().from(deliveries);
    await after.close();
    expect(stored?.keyId).toBe("new");
    expect(openTokens(parseKeyring(newKey), stored!)).toEqual(tokens);
  });
});
