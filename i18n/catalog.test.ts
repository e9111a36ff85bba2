import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages, mergeMessages, namespaces, pickNamespaces, translatorFor } from "./catalog";
import { locales } from "./locales";

const root = path.resolve(__dirname, "../messages");
/** Namespaces a grower reads: every English key there needs a Spanish and a Portuguese one. */
const growerFacing = ["common", "invite", "signin", "email", "connections", "doctor"];
/**
 * Namespaces only staff read ("Staff pages may stay English, but through the same catalog"): English only,
 * on purpose. Every other language falls back to English for them, key by key.
 */
const staffOnly = ["dashboard", "grower-detail", "staff"];

function keys(messages: unknown, prefix = ""): string[] {
  if (typeof messages !== "object" || messages === null) return [prefix];
  return Object.entries(messages).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
}
const read = (locale: string, file: string) => JSON.parse(readFileSync(path.join(root, locale, file), "utf8"));

describe("the catalog files", () => {
  it("has a folder per locale and only namespaces the catalog loads", () => {
    for (const locale of locales) {
      for (const file of readdirSync(path.join(root, locale))) {
        expect(namespaces as readonly string[]).toContain(file.replace(/\.json$/, ""));
      }
    }
  });

  it("says of every namespace whether growers read it (translated) or only staff (English only)", () => {
    expect([...growerFacing, ...staffOnly].sort()).toEqual([...namespaces].sort());
    for (const locale of locales.filter((l) => l !== "en"))
      for (const namespace of staffOnly) expect(existsSync(path.join(root, locale, `${namespace}.json`))).toBe(false);
  });

  it("translates no key English lacks (a typo would never show)", () => {
    for (const locale of locales.filter((l) => l !== "en")) {
      for (const file of readdirSync(path.join(root, locale))) {
        const english = new Set(keys(read("en", file)));
        for (const key of keys(read(locale, file))) expect(english, `${locale}/${file}: ${key}`).toContain(key);
      }
    }
  });

  it("has every grower-facing sentence in Spanish and Portuguese", () => {
    for (const file of readdirSync(path.join(root, "en"))) {
      if (!growerFacing.includes(file.replace(/\.json$/, ""))) continue;
      for (const locale of ["es", "pt-BR"]) {
        const own = new Set(keys(read(locale, file)));
        for (const key of keys(read("en", file))) expect(own, `${locale}/${file}: ${key}`).toContain(key);
      }
    }
  });
});

describe("mergeMessages", () => {
  it("keeps English where the locale lacks a key, at any depth", () => {
    const english = { a: "A", nested: { b: "B", c: "C" } };
    expect(mergeMessages(english, { nested: { b: "Be" } })).toEqual({ a: "A", nested: { b: "Be", c: "C" } });
  });
});

describe("loadMessages", () => {
  it("loads every namespace, falling back to English for a file a locale does not have", async () => {
    const messages = await loadMessages("es");
    expect(Object.keys(messages).sort()).toEqual([...namespaces].sort());
    expect(messages.common).toMatchObject({ appName: "Headland" });
  });

  it("gives client providers only the namespaces asked for", async () => {
    const messages = await loadMessages("en");
    expect(Object.keys(pickNamespaces(messages, ["common", "nope"]))).toEqual(["common"]);
  });

  it("translates outside a request for an explicit locale", async () => {
    const t = await translatorFor("pt-BR", "common");
    expect(t("appName")).toBe("Headland");
  });
});
