// Deere's organizations step decides where the grower's browser goes next: only Deere's own pages qualify.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { johnDeere } from "./john-deere";
import type { ProviderSettings } from "./types";

let api: Server;
let elsewhere: Server;
let apiUrl: string;
let answer: { status: number; headers?: Record<string, string>; body?: unknown };
let elsewhereHits = 0;

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );

beforeAll(async () => {
  api = createServer((_req, res) => {
    res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  });
  elsewhere = createServer((_req, res) => {
    elsewhereHits++;
    res.writeHead(200, { "content-type": "application/json" }).end('{"values":[]}');
  });
  apiUrl = `${await listen(api)}/platform`;
  await listen(elsewhere);
});
afterAll(() => {
  api.close();
  elsewhere.close();
});

const settings = {
  clientId: "client",
  clientSecret: "secret",
  authorizeUrl: "",
  tokenUrl: "",
  issuer: "",
  options: {
    environment: "STAGE",
    pkce: "on",
    get apiUrl() {
      return apiUrl;
    },
  },
} as ProviderSettings<"environment" | "apiUrl" | "pkce">;
const tokens = { accessToken: "jd_at_1", refreshToken: "jd_rt_1" };
const back = "http://localhost:3000/connections?connected=john-deere";

const organizationsLinking = (uri: string) => ({
  status: 200,
  body: {
    values: [
      {
        links: [
          { rel: "self", uri: `${apiUrl}/organizations/1` },
          { rel: "connections", uri },
        ],
      },
    ],
  },
});
const next = () => johnDeere.afterConsent!(tokens, settings, back);

describe("John Deere's organization step", () => {
  it.each(["https://connections.deere.com/connections/client/select-organizations", "https://deere.com/connections"])(
    "sends the grower to Deere's own https page: %s",
    async (uri) => {
      answer = organizationsLinking(uri);
      const target = new URL((await next())!);
      expect(`${target.origin}${target.pathname}`).toBe(uri);
      expect(target.searchParams.get("redirect_uri")).toBe(back);
    },
  );

  it("follows a link on the configured API's own origin (the sandbox, in sandbox mode)", async () => {
    answer = organizationsLinking(`${new URL(apiUrl).origin}/deere/connections/client/select-organizations`);
    expect(await next()).toMatch(new RegExp(`^${new URL(apiUrl).origin}/deere/connections/`));
  });

  it.each([
    "http://connections.deere.com/connections/client/select-organizations",
    "https://connections.deere.com.evil.example/select-organizations",
    "https://evildeere.com/select-organizations",
    "https://evil.example/?https://connections.deere.com/",
    "https://user:pass@connections.deere.com/select-organizations",
    "javascript:alert(document.cookie)",
    "http://127.0.0.1:1/select-organizations",
  ])("leaves the grower on Headland for anything else: %s", async (uri) => {
    answer = organizationsLinking(uri);
    expect(await next().catch(() => undefined)).toBeUndefined();
  });

  it("never follows a redirect from Deere's API: the grower's access token stays with Deere", async () => {
    answer = { status: 302, headers: { location: `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/` } };
    await expect(next()).rejects.toThrow(/302/);
    expect(elsewhereHits).toBe(0);
  });
});
