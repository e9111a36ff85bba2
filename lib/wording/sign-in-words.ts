// What /signin says when a sign-in came back refused; next-auth sends its own failures there too.
import { ssoRefusals } from "@/lib/auth/sso";

/**
 * The catalog key (messages/<locale>/signin.json, under staff.refused) for /signin's `error`: a refusal of
 * ours, or "other" for any of next-auth's codes (they mean nothing to people).
 */
export function signInErrorKey(code: string): `staff.refused.${string}` {
  return (ssoRefusals as readonly string[]).includes(code) ? `staff.refused.${code}` : "staff.refused.other";
}
