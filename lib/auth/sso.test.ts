import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config";
import { staff } from "@/lib/db/schema";
import { inviteStaff, joinStaff } from "@/lib/staff/invites";
import { removeStaff } from "@/lib/staff/members";
import { freshDatabase } from "@/lib/testing/db";
import { ensureSsoStaff, ssoProvider, ssoRefusal } from "./sso";

const sso = {
  HEADLAND_OIDC_ISSUER: "https://id.partner.test/",
  HEADLAND_OIDC_CLIENT_ID: "headland",
  HEADLAND_OIDC_CLIENT_SECRET: "oidc-client-secret-for-tests",
  HEADLAND_OIDC_ALLOWED_DOMAINS: "Partner.test, @agro.test",
};
const configWith = (env: Record<string, string>) =>
  loadConfig({
    HEADLAND_MODE: "sandbox",
    HEADLAND_DATA_DIR: mkdtempSync(path.join(tmpdir(), "headland-sso-")),
    ...env,
  });

describe("single sign-on settings", () => {
  it("are off without an issuer, and password sign-in is on", () => {
    const cfg = configWith({});
    expect(cfg.sso).toBeUndefined();
    expect(cfg.passwordSignIn).toBe(true);
  });

  it("parse domains lowercased without @, default the button's name, and keep the issuer without its slash", () => {
    expect(configWith(sso).sso).toEqual({
      issuer: "https://id.partner.test",
      clientId: "headland",
      clientSecret: "oidc-client-secret-for-tests",
      name: "single sign-on",
      allowedDomains: ["partner.test", "agro.test"],
      group: undefined,
    });
  });

  it.each([
    [{ HEADLAND_OIDC_ISSUER: "http://id.partner.test" }, "HEADLAND_OIDC_ISSUER: must be https"],
    [{ HEADLAND_OIDC_ALLOWED_DOMAINS: "" }, "HEADLAND_OIDC_ALLOWED_DOMAINS: required"],
    [{ HEADLAND_OIDC_CLIENT_SECRET: "" }, "HEADLAND_OIDC_CLIENT_SECRET: required"],
  ])("refuse %j", (change, message) => {
    expect(() => configWith({ ...sso, ...change })).toThrow(message);
  });

  it("take a plain-http issuer on this machine (a test's provider), and a group instead of domains", () => {
    expect(configWith({ ...sso, HEADLAND_OIDC_ISSUER: "http://127.0.0.1:9999" }).sso?.issuer).toBe(
      "http://127.0.0.1:9999",
    );
    const byGroup = configWith({ ...sso, HEADLAND_OIDC_ALLOWED_DOMAINS: "", HEADLAND_OIDC_GROUP: "headland-staff" });
    expect(byGroup.sso).toMatchObject({ allowedDomains: [], group: "headland-staff" });
  });

  it("password sign-in turns off only when single sign-on is there to replace it", () => {
    expect(configWith({ ...sso, HEADLAND_PASSWORD_SIGNIN: "off" }).passwordSignIn).toBe(false);
    expect(() => configWith({ HEADLAND_PASSWORD_SIGNIN: "off" })).toThrow("HEADLAND_PASSWORD_SIGNIN: off needs");
    expect(() => configWith({ ...sso, HEADLAND_PASSWORD_SIGNIN: "no" })).toThrow("HEADLAND_PASSWORD_SIGNIN");
  });
});

describe("who single sign-on lets in", () => {
  const rules = { allowedDomains: ["partner.test"], group: "headland-staff" };
  it.each([
    ["a verified email in an allowed domain", { email: "ada@partner.test", email_verified: true }, undefined],
    ["the domain in any case", { email: "Ada@PARTNER.test", email_verified: true }, undefined],
    ["email_verified sent as a string", { email: "ada@partner.test", email_verified: "true" }, undefined],
    [
      "the group, from another domain",
      { email: "eve@elsewhere.test", email_verified: true, groups: ["headland-staff"] },
      undefined,
    ],
    ["another domain", { email: "eve@elsewhere.test", email_verified: true }, "sso_not_allowed"],
    ["another group", { email: "eve@elsewhere.test", email_verified: true, groups: ["sales"] }, "sso_not_allowed"],
    ["a lookalike domain", { email: "eve@evilpartner.test", email_verified: true }, "sso_not_allowed"],
    ["a subdomain", { email: "eve@x.partner.test", email_verified: true }, "sso_not_allowed"],
    [
      "an unverified email in an allowed domain",
      { email: "ada@partner.test", email_verified: false },
      "sso_unverified",
    ],
    ["no email_verified claim", { email: "ada@partner.test" }, "sso_unverified"],
    [
      "the group without a verified email",
      { email: "eve@elsewhere.test", groups: ["headland-staff"] },
      "sso_unverified",
    ],
    ["no email", { sub: "1", email_verified: true }, "sso_unverified"],
  ])("%s", (_, claims, refusal) => {
    expect(ssoRefusal(claims, rules)).toBe(refusal);
  });

  it("a group claim counts only when a group is configured", () => {
    const claims = { email: "eve@elsewhere.test", email_verified: true, groups: ["headland-staff"] };
    expect(ssoRefusal(claims, { allowedDomains: ["partner.test"], group: undefined })).toBe("sso_not_allowed");
  });

  it("the provider's profile carries only a verified email, lowercased, as a staff user", async () => {
    const provider = ssoProvider({ ...configWith(sso).sso!, group: undefined });
    const profile = (claims: Record<string, unknown>) => provider.profile({ sub: "s1", ...claims }, {});
    expect(await profile({ email: "Ada@Partner.test", email_verified: true })).toMatchObject({
      id: "s1",
      email: "ada@partner.test",
      role: "staff",
    });
    expect(await profile({ email: "ada@partner.test" })).toMatchObject({ email: null });
    expect(provider).toMatchObject({ type: "oauth", idToken: true, checks: ["pkce", "state"] });
    expect(provider.wellKnown).toBe("https://id.partner.test/.well-known/openid-configuration");
  });
});

describe("the staff row of a single sign-on", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase();
  }, 60_000);
  afterAll(() => database.close());

  const rowOf = async (email: string) => (await database.db.select().from(staff).where(eq(staff.email, email)))[0];

  it("is created on first sign-in as a member without a password, once", async () => {
    await ensureSsoStaff("ada@partner.test");
    await ensureSsoStaff("ada@partner.test");
    expect(await rowOf("ada@partner.test")).toMatchObject({ role: "member", passwordHash: null });
    expect(await database.db.select().from(staff).where(eq(staff.email, "ada@partner.test"))).toHaveLength(1);
  });

  it("keeps an existing member's role and password", async () => {
    await database.db.insert(staff).values({ email: "boss@partner.test", role: "admin", passwordHash: "$2a$12$x" });
    await ensureSsoStaff("boss@partner.test");
    expect(await rowOf("boss@partner.test")).toMatchObject({ role: "admin", passwordHash: "$2a$12$x" });
  });

  it("does not bring back a member an admin removed, until an admin invites them again", async () => {
    expect(await ensureSsoStaff("cara@partner.test")).toBe(true);
    await removeStaff("staff:boss@partner.test", { email: "cara@partner.test" });
    expect(await ensureSsoStaff("cara@partner.test")).toBe(false);
    expect(await rowOf("cara@partner.test")).toBeUndefined();

    const invite = await inviteStaff("staff:boss@partner.test", "cara@partner.test", "member");
    await joinStaff(invite.url.split("/staff/join/")[1]!, "a long passphrase for cara 42");
    expect(await ensureSsoStaff("cara@partner.test")).toBe(true);
    expect(await rowOf("cara@partner.test")).toMatchObject({ role: "member" });
  });
});
