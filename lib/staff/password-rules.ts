import { commonLongPasswords, commonStems } from "./common-passwords";

/** NIST SP 800-63B §3.1.1.2: length and a blocklist, no composition rules. */
export const minPasswordLength = 12;
// bcrypt reads the first 72 bytes; the sign-in form accepts up to 1024, so a longer one would never match.
export const maxPasswordLength = 1024;

/** Why a new staff password is refused, in words for the person choosing it; undefined when it is fine. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < minPasswordLength) return `Use at least ${minPasswordLength} characters.`;
  if (password.length > maxPasswordLength) return `Use at most ${maxPasswordLength} characters.`;
  const lowered = password.toLowerCase();
  const stem = lowered.replace(/[\d\W_]+$/u, "").replace(/^[\d\W_]+/u, "");
  if (commonLongPasswords.has(lowered) || commonStems.has(stem) || /^(.)\1+$/u.test(password))
    return "That password is one of the most common ones. Choose another, for example a few unrelated words.";
  return undefined;
}
