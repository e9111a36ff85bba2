// What /signin says when a sign-in came back refused; next-auth sends its own failures there too.
import type { SsoRefusal } from "@/lib/auth/sso";

const refusalSentences: Record<SsoRefusal, string> = {
  sso_not_allowed: "This account may not sign in to Headland. Use your work account, or ask an admin.",
  sso_removed: "An admin removed this account from Headland's staff. Ask an admin to invite you again.",
  sso_unverified: "Your sign-in provider has not verified this email address. Verify it there, then try again.",
};

/** The sentence for /signin's `error`: a refusal of ours, or any of next-auth's codes (they mean nothing to people). */
export function signInErrorSentence(code: string): string {
  return Object.hasOwn(refusalSentences, code)
    ? refusalSentences[code as SsoRefusal]
    : "Signing in did not finish. Try again.";
}
