import { describe, expect, it } from "vitest";
import { summarizeEventBody } from "./event-summary";

describe("summarizeEventBody", () => {
  it.each([
    [
      '{"error":"invalid_grant","error_description":"Refresh token revoked by the user"}',
      "invalid_grant: Refresh token revoked by the user",
    ],
    ['{"message":"Credentials validated"}', "Credentials validated"],
    ['{"error":"invalid_client"}', "invalid_client"],
    ["plain text from Leaf", "plain text from Leaf"],
    ["", "(no body)"],
    [null, "(no body)"],
  ])("%s -> %s", (body, expected) => {
    expect(summarizeEventBody(body)).toBe(expected);
  });

  it("masks tokens a provider's answer carried", () => {
    const summary = summarizeEventBody(
      '{"access_token":"at-0123456789abcd","refresh_token":"rt-0123456789wxyz","expires_in":3600}',
    );
    expect(summary).toContain("••••abcd");
    expect(summary).not.toContain("rt-0123456789wxyz");
  });
});
