import "server-only";
import { eq } from "drizzle-orm";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import type { Config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { staff } from "@/lib/db/schema";
import { wasRemoved } from "@/lib/staff/removed";

export type SsoSettings = NonNullable<Config["sso"]>;

/** The reasons single sign-on refuses someone; /signin turns each into a sentence. */
export const ssoRefusals = ["sso_unverified", "sso_not_allowed", "sso_removed"] as const;
export type SsoRefusal = (typeof ssoRefusals)[number];

// Only what admission reads. Some providers (Cognito) send email_verified as the string "true".
const ssoClaims = z.object({
  email: z.email().optional(),
  email_verified: z.union([z.boolean(), z.literal("true")]).optional(),
  groups: z.array(z.string()).optional(),
});

/** The account's email, lowercased, once the provider has vouched for it; staff rows are keyed by it. */
export function verifiedEmail(claims: unknown): string | undefined {
  const parsed = ssoClaims.safeParse(claims);
  if (!parsed.success || !parsed.data.email) return undefined;
  const verified = parsed.data.email_verified === true || parsed.data.email_verified === "true";
  return verified ? parsed.data.email.toLowerCase() : undefined;
}

/**
 * Why the ID token's claims do not make a staff member, or undefined when they do. The email must be
 * verified whatever the rule: an unverified one is anyone's to type, and it names the staff row.
 */
export function ssoRefusal(
  claims: unknown,
  rules: Pick<SsoSettings, "allowedDomains" | "group">,
): SsoRefusal | undefined {
  const email = verifiedEmail(claims);
  if (!email) return "sso_unverified";
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (rules.allowedDomains.includes(domain)) return undefined;
  const groups = ssoClaims.safeParse(claims).data?.groups ?? [];
  return rules.group && groups.includes(rules.group) ? undefined : "sso_not_allowed";
}

/** A first sign-in makes a member without a password; an existing row (an admin, say) keeps its role. */
/** Makes an allowed person a member on first sign-in; false when an admin removed them (until re-invited). */
export async function ensureSsoStaff(email: string): Promise<boolean> {
  const db = await database();
  const [existing] = await db.select({ id: staff.id }).from(staff).where(eq(staff.email, email)).limit(1);
  if (existing) return true;
  if (await wasRemoved(db, email)) return false;
  await db.insert(staff).values({ email, role: "member", passwordHash: null }).onConflictDoNothing();
  return true;
}

interface SsoProfile extends Record<string, unknown> {
  sub: string;
  email?: string;
  name?: string;
}

/** next-auth's generic OpenID Connect client, configured from the provider's discovery document. */
export function ssoProvider(sso: SsoSettings): OAuthConfig<SsoProfile> {
  return {
    id: "sso",
    name: sso.name,
    type: "oauth",
    wellKnown: `${sso.issuer}/.well-known/openid-configuration`,
    clientId: sso.clientId,
    clientSecret: sso.clientSecret,
    // Okta and others release `groups` only when asked for by scope.
    authorization: { params: { scope: sso.group ? "openid email profile groups" : "openid email profile" } },
    // The signed ID token is the source of the claims: openid-client checks its signature, issuer and audience.
    idToken: true,
    checks: ["pkce", "state"],
    profile: (claims) => ({
      id: claims.sub,
      email: verifiedEmail(claims) ?? null,
      name: claims.name ?? null,
      role: "staff",
    }),
  };
}
