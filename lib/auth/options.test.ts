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
