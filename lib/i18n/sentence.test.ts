import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { dashboardClientKeys } from "@/components/dashboard/words";
import { locales } from "@/i18n/locales";
import dashboard from "@/messages/en/dashboard.json";
import { compileWords } from "./compile-words";
import { type Sentence, say, translator } from "./sentence";

type Tree = { [key: string]: string | Tree };

/** Every message in a subtree, by its dotted key. */
function paths(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : paths(value, `${prefix}${key}.`),
  );
}

const client = Object.fromEntries(dashboardClientKeys.map((key) => [key, dashboard[key]])) as Tree;
const texts = {
  provider: "John Deere",
  age: "4s ago",
  ago: "2 minutes ago",
  name: "Ana",
  address: "ana@example.com",
  time: "19:40",
  day: "Dec 2",
};
// Every count a sentence takes, each tried at 0, 1, 2, 5 and 1,234 (=0, one, other, grouping).
const numeric = ["count", "page", "pageCount", "added", "already", "issued", "emailed", "notEmailed", "seconds"];
const more = ["minutes", "uses"];
type Format = (key: string, values: object) => string;

describe("the dashboard's words, compiled on the server and filled in the browser", () => {
  // The browser no longer runs next-intl: what it shows must be what next-intl said, word for word.
  it("read exactly as next-intl formats them, for every plural form and locale", () => {
    const compiled = compileWords(client);
    for (const locale of locales) {
      const nextIntl = createTranslator({
        locale,
        messages: { dashboard },
        namespace: "dashboard",
      }) as unknown as Format;
      for (const n of [0, 1, 2, 5, 1234]) {
        const values = { ...texts, ...Object.fromEntries([...numeric, ...more].map((k) => [k, n])) };
        for (const [path] of paths(client)) {
          const sentence = path.split(".").reduce<unknown>((tree, key) => (tree as Tree)[key], compiled);
          expect(say(locale, sentence as Sentence, values), `${locale} ${path} n=${n}`).toBe(nextIntl(path, values));
        }
      }
    }
  });

  it("are plain objects and arrays, which React can pass from a server to a client component", () => {
    const prototypes = (value: unknown): unknown[] =>
      typeof value === "object" && value !== null
        ? [Object.getPrototypeOf(value), ...Object.values(value).flatMap(prototypes)]
        : [];
    for (const prototype of prototypes(compileWords(client)))
      expect([Object.prototype, Array.prototype]).toContain(prototype);
  });

  it("keep plain words plain, so a component can show them without values", () => {
    const t = translator("en", compileWords({ noMatch: dashboard.noMatch, failing: dashboard.updated.failing }));
    expect(t("noMatch")).toBe("No growers match this search.");
    expect(t("failing")).toBe("· can't reach Headland, retrying");
  });
});
