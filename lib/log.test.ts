import { describe, expect, it } from "vitest";
import { createLogger } from "./log";

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ write: (line: string) => void lines.push(line) });
  return { logger, text: () => lines.join("") };
}

describe("logger redaction", () => {
  it("removes a token three levels deep inside a provider error's causes, and the bodies attached to it", () => {
    const { logger, text } = capture();
    // As oauth4webapi and fetch attach them: the provider's answer as a cause, the raw exchange as properties.
    const answer = { error: "invalid_grant", grant: { issued: { refresh_token: "trm_rt_DEEP_SECRET" } } };
    const providerError = Object.assign(
      new Error("server responded with an error in the response body", { cause: answer }),
      {
        response: new Response('{"access_token":"trm_at_BODY_SECRET"}'),
        body: '{"access_token":"trm_at_RAW_SECRET"}',
        status: 400,
      },
    );
    const exchangeError = new Error("exchange failed", { cause: providerError });
    const outer = new Error("connect flow failed", { cause: exchangeError });
    logger.error(
      {
        err: outer,
        provider: "trimble",
        context: { request: { form: { client_secret: "CLIENT_SECRET_1", code: "trm_code_1" } } },
        headers: { Authorization: "Basic Q0xJRU5U", Cookie: "session=SESSION_1" },
        list: [{ accessToken: "ACCESS_IN_ARRAY" }],
      },
      "connect flow failed unexpectedly",
    );
    const line = text();
    for (const secret of [
      "trm_rt_DEEP_SECRET",
      "trm_at_BODY_SECRET",
      "trm_at_RAW_SECRET",
      "CLIENT_SECRET_1",
      "trm_code_1",
      "Q0xJRU5U",
      "SESSION_1",
      "ACCESS_IN_ARRAY",
    ])
      expect(line).not.toContain(secret);
    // What helps someone debug stays: the messages, the provider's error code, the status.
    expect(line).toContain("exchange failed");
    expect(line).toContain("server responded with an error in the response body");
    expect(line).toContain("invalid_grant");
    expect(line).toContain('"status":400');
    expect(line).toContain('"provider":"trimble"');
  });

  it("survives cycles and very deep objects", () => {
    const { logger, text } = capture();
    const cyclic: Record<string, unknown> = { name: "a" };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { token: "DEEP_TOKEN" };
    for (let i = 0; i < 20; i++) deep = { next: deep };
    logger.info({ cyclic, deep }, "odd shapes");
    expect(text()).toContain("odd shapes");
    expect(text()).not.toContain("DEEP_TOKEN");
  });
});
