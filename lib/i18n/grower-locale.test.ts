import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { growers } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/testing/db";
import { growerLocale, rememberGrowerLocale } from "./grower-locale";

let handle: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
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

  it("skips a grower Headland does not know", async () => {
    await rememberGrowerLocale("leaf-nobody", "es");
    expect(await growerLocale("leaf-nobody")).toBe("en");
  });
});
