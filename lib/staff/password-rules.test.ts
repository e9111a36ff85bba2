import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-rules";

describe("staff password rules", () => {
  it.each([
    ["short", "eleven char"],
    ["the classic", "password1234"],
    ["a stem with digits and symbols", "Welcome2024!!"],
    ["digits only", "123456789012"],
    ["a long list entry", "qwertyuiopasdf"],
    ["one character repeated", "zzzzzzzzzzzzzz"],
    ["a stem wrapped in symbols", "!!Password!!1"],
  ])("refuses %s", (_case, password) => {
    expect(passwordProblem(password)).toBeTypeOf("string");
  });

  it.each([
    ["a passphrase", "tractor rain north field"],
    ["twelve mixed", "k8#vTq2!mZp0"],
  ])("accepts %s", (_case, password) => {
    expect(passwordProblem(password)).toBeUndefined();
  });

  it("says how long in the words shown to the person", () => {
    expect(passwordProblem("short")).toBe("Use at least 12 characters.");
  });
});
