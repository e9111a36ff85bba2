import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-to";

describe("safeReturnPath", () => {
  it.each([
    ["/connections", "/connections"],
    ["/connections?x=1#a", "/connections?x=1#a"],
    ["/growers/abc", "/growers/abc"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "http:/evil.example",
    "/\r\nLocation:evil",
    "/\tevil",
    "",
    undefined,
    null,
    "evil.example",
    `/${"a".repeat(600)}`,
  ])("falls back for %s", (input) => {
    expect(safeReturnPath(input as string)).toBe("/connections");
  });
});
