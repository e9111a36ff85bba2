import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/lib/config";
import { authOptions } from "./options";

function optionsFor(appUrl: string) {
  process.env.APP_URL = appUrl;
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-options-"));
  resetConfigForTests();
  return authOptions();
}

afterEach(() => {
  delete process.env.APP_URL;
  resetConfigForTests();
});

describe("session cookie", () => {
  it("over https is __Host- prefixed, Secure, HttpOnly and SameSite=Lax; next-auth's other cookies secure too", () => {
    const options = optionsFor("https://headland.example");
    expect(options.useSecureCookies).toBe(true);
    expect(options.cookies?.sessionToken).toEqual({
      name: "__Host-headland.session",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
  });

  it("over http (this machine only) is HttpOnly and SameSite=Lax without the prefix browsers would reject", () => {
    const options = optionsFor("http://localhost:3000");
    expect(options.useSecureCookies).toBe(false);
    expect(options.cookies?.sessionToken).toEqual({
      name: "headland.session",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false },
    });
  });
});

describe("single sign-on and password sign-in", () => {
  const sso = {
    HEADLAND_OIDC_ISSUER: "https://id.partner.test",
    HEADLAND_OIDC_CLIENT_ID: "headland",
    HEADLAND_OIDC_CLIENT_SECRET: "oidc-client-secret-for-tests",
    HEADLAND_OIDC_ALLOWED_DOMAINS: "partner.test",
    HEADLAND_OIDC_NAME: "Partner ID",
  };
  function optionsWith(env: Record<string, string>) {
    Object.assign(process.env, env);
    return optionsFor("https://headland.example");
  }
  afterEach(() => {
    for (const name of [...Object.keys(sso), "HEADLAND_PASSWORD_SIGNIN"]) delete process.env[name];
  });
  // A Credentials provider keeps the id it was given under `options`.
  const providerIds = (options: ReturnType<typeof authOptions>) =>
    options.providers.map((p) => (p as { options?: { id?: string } }).options?.id ?? p.id);

  it("offers the OpenID provider only when an issuer is configured", () => {
    expect(providerIds(optionsWith({}))).toEqual(["staff", "invite"]);
    const options = optionsWith(sso);
    expect(providerIds(options)).toEqual(["staff", "invite", "sso"]);
    expect(options.providers.at(-1)).toMatchObject({ name: "Partner ID", type: "oauth" });
  });

  it("with HEADLAND_PASSWORD_SIGNIN=off, refuses a staff password before looking at it", async () => {
    const staffProvider = optionsWith({ ...sso, HEADLAND_PASSWORD_SIGNIN: "off" }).providers[0] as unknown as {
      options: { authorize: (raw: unknown, request: unknown) => Promise<unknown> };
    };
    await expect(
      staffProvider.options.authorize({ email: "staff@headland.test", password: "headland" }, { headers: {} }),
    ).rejects.toThrow("password_sign_in_off");
  });

  it("sends an ID token from outside the allowed domains back to /signin with the reason", async () => {
    const signIn = optionsWith(sso).callbacks?.signIn;
    const attempt = (provider: string, profile: object) =>
      signIn?.({
        account: { provider, type: "oauth", providerAccountId: "1" },
        profile,
        user: { id: "1", role: "staff" },
      });
    expect(await attempt("sso", { email: "eve@elsewhere.test", email_verified: true })).toBe(
      "https://headland.example/signin?error=sso_not_allowed",
    );
    expect(await attempt("sso", { email: "ada@partner.test", email_verified: false })).toBe(
      "https://headland.example/signin?error=sso_unverified",
    );
    expect(await attempt("staff", {})).toBe(true);
  });
});
