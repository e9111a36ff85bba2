import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueInvite } from "@/lib/auth/invites";
import { growers } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { growerLocale, inviteeLocale, rememberedGrowerLocale, rememberGrowerLocale } from "./grower-locale";

let handle: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-grower-locale-"));
  handle = await freshDatabase();
  await handle.db.insert(growers).values({ leafUserId: "leaf-ana", name: "Ana", email: "ana@farm.test" });
}, 60_000);
afterAll(() => handle?.close());

describe("grower locale", () => {
  it("is English for a grower who never opened a page", async () => {
    expect(await growerLocale("leaf-ana")).toBe("en");
  });

  it("remembers the latest language a grower read in", async () => {
    await rememberGrowerLocale("leaf-ana", "pt-BR");
    expect(await growerLocale("leaf-ana")).toBe("pt-BR");
    await rememberGrowerLocale("leaf-ana", "es");
    expect(await growerLocale("leaf-ana")).toBe("es");
  });

  it("finds the remembered language of the grower an invite link is for, and nothing for a forged link", async () => {
    const [bo] = await handle.db
      .insert(growers)
      .values({ leafUserId: "leaf-bo", name: "Bo", email: "bo@farm.test" })
      .returning();
    const { url } = await issueInvite(bo!.id, "staff:test");
    const token = decodeURIComponent(url.split("/invite/")[1]!);
    expect(await inviteeLocale(token)).toBeUndefined();
    expect(await rememberedGrowerLocale("leaf-bo")).toBeUndefined();
    await rememberGrowerLocale("leaf-bo", "es");
    expect(await inviteeLocale(token)).toBe("es");
    expect(await inviteeLocale(`${token.split(".")[0]}.forged`)).toBeUndefined();
  });

  it("skips a grower Headland does not know", async () => {
    await rememberGrowerLocale("leaf-nobody", "es");
    expect(await growerLocale("leaf-nobody")).toBe("en");
  });
});
