// Every way the code exchange ends, against a token endpoint on this machine that answers as each test says.
import { mkdtempSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig, resetConfigForTests } from "@/lib/config";
import { ConnectError } from "@/lib/connect/connect-error";
import { findProvider } from "@/lib/providers";
import { resolveSettings } from "@/lib/providers/settings";
import type { ProviderSettings } from "@/lib/providers/types";
import { freePort } from "@/lib/testing/free-port";
import { exchangeCode } from "./exchange";

// The exchange is the same for every provider; Trimble's settings stand in for all of them.
const provider = findProvider("trimble")!;
const state = "state-1";
const redirectUri = "http://localhost:3000/api/connect/trimble/callback";

type Answer = (req: IncomingMessage, res: ServerResponse) => void;
const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Answer =>
  (_req, res) =>
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));

let answer: Answer;
let received: { authorization?: string; form: URLSearchParams }[];
let server: Server;
let settings: ProviderSettings;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ authorization: req.headers.authorization, form: new URLSearchParams(body) });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  // The provider's sandbox-mode settings, with "the sandbox" being this server.
  const dataDir = mkdtempSync(path.join(tmpdir(), "headland-exchange-"));
  // The simulated Trimble sends iss (RFC 9207); these callbacks carry none unless a test says so.
  settings = {
    ...resolveSettings(
      provider,
      loadConfig({ HEADLAND_MODE: "sandbox", HEADLAND_DATA_DIR: dataDir, SANDBOX_PORT: String(port) }),
    ),
    issParameter: false,
  };
  // exchangeCode reads its timeout from the app's configuration: short, so the timeout test is quick, yet
  // long enough for a first, cold exchange on a loaded 2-core CI machine (150 ms once was not).
  Object.assign(process.env, { HEADLAND_DATA_DIR: dataDir, HEADLAND_PROVIDER_TIMEOUT_MS: "1500" });
  resetConfigForTests();
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  resetConfigForTests();
});
beforeEach(() => {
  received = [];
  answer = json(500, { error: "server_error", error_description: "this test set no answer" });
});

const callback = (params: Record<string, string>) => new URLSearchParams({ state, ...params });
const exchange = (params: Record<string, string> = { code: "code-1" }, over: Partial<ProviderSettings> = {}) =>
  exchangeCode(provider, { ...settings, ...over }, { callbackParams: callback(params), state, redirectUri });
/** The ConnectError code the exchange ended with, or "tokens" when it succeeded. */
const outcome = (run: Promise<unknown>) =>
  run.then(
    () => "tokens",
    (error: unknown) => (error instanceof ConnectError ? error.code : error),
  );

describe("exchangeCode", () => {
  it("trades the code, authenticated as the client, for the camelCased token set", async () => {
    answer = json(200, {
      access_token: "at-1",
      token_type: "Bearer",
      refresh_token: "rt-1",
      expires_in: 3600,
      scope: "openid headland-sandbox",
    });
    const tokens = await exchangeCode(provider, settings, {
      callbackParams: callback({ code: "code-1" }),
      state,
      redirectUri,
      codeVerifier: "verifier-1",
    });
    expect(tokens).toStrictEqual({
      accessToken: "at-1",
      refreshToken: "rt-1",
      expiresIn: 3600,
      scope: "openid headland-sandbox",
    });
    expect(received).toHaveLength(1);
    expect(Object.fromEntries(received[0]!.form)).toMatchObject({
      grant_type: "authorization_code",
      code: "code-1",
      redirect_uri: redirectUri,
      code_verifier: "verifier-1",
    });
    // RFC 6749 §2.3.1: each half form-encoded, then base64.
    const [id, secret] = Buffer.from(received[0]!.authorization!.replace(/^Basic /, ""), "base64")
      .toString()
      .split(":")
      .map(decodeURIComponent);
    expect({ id, secret }).toEqual({ id: settings.clientId, secret: settings.clientSecret });
  });

  it("is access_denied when the grower said no, without calling the token endpoint", async () => {
    expect(await outcome(exchange({ error: "access_denied", error_description: "The user denied access" }))).toBe(
      "access_denied",
    );
    expect(received).toHaveLength(0);
  });

  it("is authorize_failed when the provider sends back any other error", async () => {
    expect(await outcome(exchange({ error: "invalid_scope" }))).toBe("authorize_failed");
    expect(await outcome(exchange({ error: "server_error" }))).toBe("authorize_failed");
    expect(received).toHaveLength(0);
  });

  it("is mismatch when the callback's state or issuer is not ours", async () => {
    expect(await outcome(exchange({ code: "code-1", state: "someone-elses" }))).toBe("mismatch");
    expect(await outcome(exchange({ code: "code-1", iss: "https://evil.example" }))).toBe("mismatch");
    expect(received).toHaveLength(0);
  });

  it("is exchange_failed when the provider refuses the code", async () => {
    answer = json(400, { error: "invalid_grant", error_description: "The authorization code was already used" });
    const error = await exchange().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectError);
    expect(error).toMatchObject({ code: "exchange_failed", message: expect.stringContaining("invalid_grant") });
  });

  // RFC 9207: with iss support declared, a callback without iss may come from another authorization server.
  it("is mismatch when a provider that sends iss sent none, and accepts it when it sent the right one", async () => {
    answer = json(200, { access_token: "at-1", token_type: "Bearer", refresh_token: "rt-1" });
    const supported = { issParameter: true };
    expect(await outcome(exchange({ code: "code-1" }, supported))).toBe("mismatch");
    expect(await outcome(exchange({ code: "code-1", iss: "https://evil.example" }, supported))).toBe("mismatch");
    expect(received).toHaveLength(0);
    expect(await outcome(exchange({ code: "code-1", iss: settings.issuer }, supported))).toBe("tokens");
    // Without declared support, a missing iss is allowed (RFC 9207 §2.4), a wrong one never.
    expect(await outcome(exchange({ code: "code-1" }))).toBe("tokens");
  });

  it("is bad_token_response for a 4xx without an OAuth error (a token URL that is no token endpoint)", async () => {
    answer = (_req, res) => res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
    expect(await outcome(exchange())).toBe("bad_token_response");
  });

  const elsewhere = `http://127.0.0.1:1/token`;
  it.each([
    ["no token_type", json(200, { access_token: "at-1", refresh_token: "rt-1" })],
    ["an unknown token_type", json(200, { access_token: "at-1", token_type: "mac", refresh_token: "rt-1" })],
    [
      "a body that is not JSON",
      (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<h1>Welcome</h1>"),
    ],
    ["a JSON array", json(200, [{ access_token: "at-1", token_type: "Bearer", refresh_token: "rt-1" }])],
    [
      "a redirect (never followed: it would carry the code and the client secret)",
      (_req, res) => res.writeHead(307, { location: elsewhere }).end(),
    ],
    [
      "a body over 64 kB",
      json(200, { access_token: "at-1", token_type: "Bearer", refresh_token: "rt-1", padding: "x".repeat(70_000) }),
    ],
  ] satisfies [string, Answer][])("is bad_token_response, with one request, for %s", async (_what, refused) => {
    answer = refused;
    const error = await exchange().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).code).toBe("bad_token_response");
    expect(received).toHaveLength(1);
  });

  it("reads a token response just under the 64 kB cap", async () => {
    answer = json(200, {
      access_token: "at-1",
      token_type: "Bearer",
      refresh_token: "rt-1",
      padding: "x".repeat(60_000),
    });
    expect(await outcome(exchange())).toBe("tokens");
  });

  it("is exchange_failed for a token response the provider's schema refuses despite its refresh token", async () => {
    answer = json(200, { access_token: "at-1", token_type: "Bearer", refresh_token: "rt-1", expires_in: 0 });
    expect(await outcome(exchange())).toBe("exchange_failed");
  });

  // RFC 6749 §5.2: a refused client gets 401 with WWW-Authenticate, as the sandbox answers. oauth4webapi
  // throws its challenge error for that; a wrong client secret must not tell the grower to wait.
  it("is exchange_failed when the provider refuses the client itself (401 with a challenge)", async () => {
    answer = json(401, { error: "invalid_client" }, { "www-authenticate": 'Basic realm="token"' });
    expect(await outcome(exchange())).toBe("exchange_failed");
  });

  it.each([
    ["a 503 with an OAuth error", json(503, { error: "temporarily_unavailable" })],
    [
      "a 502 without one",
      (_req, res) => res.writeHead(502, { "content-type": "text/html" }).end("<h1>Bad gateway</h1>"),
    ],
    ["a dropped connection", (req) => req.socket.destroy()],
  ] satisfies [string, Answer][])("is provider_unavailable for %s", async (_what, failure) => {
    answer = failure;
    expect(await outcome(exchange())).toBe("provider_unavailable");
  });

  it("is provider_unavailable when the token endpoint does not answer in time, or cannot be reached", async () => {
    answer = () => {}; // holds the request open until the exchange gives up
    expect(await exchange().catch((e: unknown) => e)).toMatchObject({
      code: "provider_unavailable",
      message: expect.stringContaining("TimeoutError"),
    });
    const nobody = `http://127.0.0.1:${await freePort()}/token`;
    expect(await outcome(exchange(undefined, { tokenUrl: nobody }))).toBe("provider_unavailable");
  });

  it("is no_refresh_token when the provider grants access but no refresh token", async () => {
    answer = json(200, { access_token: "at-1", token_type: "Bearer", expires_in: 3600, scope: "openid" });
    expect(await outcome(exchange())).toBe("no_refresh_token");
  });
});
