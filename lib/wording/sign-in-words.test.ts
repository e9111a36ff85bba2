import { describe, expect, it } from "vitest";
import { locales } from "@/i18n/locales";
import { ssoRefusals } from "@/lib/auth/sso";
import { signInErrorKey } from "./sign-in-words";

describe("signInErrorKey", () => {
  it("names each of our refusals' own sentence, written in every language", async () => {
    for (const locale of locales) {
      const { staff } = (await import(`@/messages/${locale}/signin.json`)).default;
      for (const refusal of ssoRefusals) {
        const key = signInErrorKey(refusal).split(".").pop()!;
        expect(key).toBe(refusal);
        expect(staff.refused[key], `${locale} ${refusal}`).toMatch(/\S/);
      }
    }
  });

  it("gives next-auth's codes and anything else one plain sentence", () => {
    for (const code of ["CredentialsSignin", "OAuthCallback", "", "toString", "__proto__"])
      expect(signInErrorKey(code)).toBe("staff.refused.other");
  });
});
