import "server-only";
import compile from "icu-minify/compile";
import type { Compiled } from "./sentence";

type Tree = { [key: string]: string | Tree };

// The catalog is built once per locale and process in production (i18n/catalog.ts), so its subtrees are
// the same objects from one request to the next and each is compiled once.
const compiled = new WeakMap<object, unknown>();

// icu-minify builds a plural's options with a null prototype, which React refuses to pass to a client
// component; a JSON round trip makes them plain objects (once per message and process).
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** A catalog subtree compiled for a client component to fill in with `say` (./sentence), no parser needed. */
export function compileWords<T extends Tree>(tree: T): Compiled<T> {
  let words = compiled.get(tree) as Compiled<T> | undefined;
  if (!words) {
    words = Object.fromEntries(
      Object.entries(tree).map(([key, message]) => [
        key,
        typeof message === "string" ? plain(compile(message)) : compileWords(message),
      ]),
    ) as Compiled<T>;
    compiled.set(tree, words);
  }
  return words;
}
