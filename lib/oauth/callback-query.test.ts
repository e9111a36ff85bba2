import { describe, expect, it } from "vitest";
import { parseCallbackState } from "./callback-query";

const codeOf = (query: string) => {
  try {
    parseCallbackState(new URLSearchParams(query));
    return "accepted";
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe("parseCallbackState", () => {
  it("accepts one state with at most one code, iss and error", () => {
    expect(codeOf("state=s1&code=c1&iss=https%3A%2F%2Fid.example")).toBe("accepted");
    expect(codeOf("state=s1&error=access_denied")).toBe("accepted");
  });

  // RFC 6749 §3.1: a parameter sent twice is an error, caught before the transaction is spent.
  it.each([
    "state=s1&state=s1",
    "state=s1&code=c1&code=c2",
    "state=s1&code=c1&iss=a&iss=b",
    "state=s1&error=a&error=b",
    "code=c1",
    "state=",
  ])("is missing_state for %s", (query) => expect(codeOf(query)).toBe("missing_state"));
});
