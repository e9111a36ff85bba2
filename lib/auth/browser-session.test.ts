import { afterEach, describe, expect, it, vi } from "vitest";
import { signInWithCredentials, signOutInPlace } from "./browser-session";

type Answer = { status: number; body: unknown };

/** A fetch that answers next-auth's csrf endpoint, then `answer` for the POST, and records what was sent. */
function fakeNextAuth(answer: Answer) {
  const posts: { url: string; body: URLSearchParams; headers: Record<string, string> }[] = [];
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === "/api/auth/csrf") return Response.json({ csrfToken: "csrf-1" });
    posts.push({ url, body: init?.body as URLSearchParams, headers: init?.headers as Record<string, string> });
    return Response.json(answer.body, { status: answer.status });
  });
  vi.stubGlobal("fetch", fetch);
  return posts;
}

afterEach(() => vi.unstubAllGlobals());

describe("signInWithCredentials", () => {
  it("posts the fields with the double-submit token and json=true to the provider's callback", async () => {
    const posts = fakeNextAuth({ status: 200, body: { url: "http://app.test/connections" } });
    expect(await signInWithCredentials("invite", { token: "a.b" }, "/connections")).toEqual({
      ok: true,
      error: undefined,
      url: "http://app.test/connections",
    });
    expect(posts).toHaveLength(1);
    expect(posts[0]!.url).toBe("/api/auth/callback/invite");
    expect(posts[0]!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(posts[0]!.body)).toEqual({
      token: "a.b",
      callbackUrl: "/connections",
      csrfToken: "csrf-1",
      json: "true",
    });
  });

  it("reads next-auth's error code from the URL it would have redirected to", async () => {
    fakeNextAuth({ status: 401, body: { url: "http://app.test/signin?error=CredentialsSignin&provider=staff" } });
    expect(await signInWithCredentials("staff", { email: "a@b.test", password: "x" }, "/dashboard")).toMatchObject({
      ok: false,
      error: "CredentialsSignin",
    });
    fakeNextAuth({ status: 401, body: { url: "/signin?error=rate_limited" } });
    expect((await signInWithCredentials("staff", {}, "/dashboard")).error).toBe("rate_limited");
  });

  it("is a failure when next-auth answers without a URL (a proxy's error page, a refused body)", async () => {
    fakeNextAuth({ status: 502, body: "Bad gateway" });
    expect(await signInWithCredentials("invite", { token: "t" }, "/connections")).toEqual({
      ok: false,
      error: "http_502",
    });
  });
});

describe("signOutInPlace", () => {
  it("posts to next-auth's signout with the token and stays (json=true)", async () => {
    const posts = fakeNextAuth({ status: 200, body: { url: "http://app.test/invite/t" } });
    expect((await signOutInPlace("http://app.test/invite/t")).ok).toBe(true);
    expect(posts[0]!.url).toBe("/api/auth/signout");
    expect(posts[0]!.body.get("csrfToken")).toBe("csrf-1");
    expect(posts[0]!.body.get("json")).toBe("true");
  });
});
