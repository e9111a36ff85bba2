import "server-only";
import type { Locale } from "@/i18n/locales";
import { audit } from "@/lib/audit";
import { issueInvite } from "@/lib/auth/invites";
import { database } from "@/lib/db/client";
import { growers } from "@/lib/db/schema";
import { rememberGrowerLocale } from "@/lib/i18n/grower-locale";
import { leaf } from "@/lib/leaf";
import { createLeafUser } from "@/lib/leaf/users";

/**
 * Creates the Leaf user, then the grower and an invite link. A `locale` is the language staff chose for
 * the grower: their invite email is written in it, and their invite page opens in it unless their browser
 * asks for another of ours (i18n/negotiate.ts).
 */
export async function addGrower(
  input: { name: string; email: string; externalId?: string; locale?: Locale },
  actor: string,
  invite: { maxUses?: number; lifetimeMs?: number } = {},
) {
  // Only these two: callers pass their whole input (e.g. emailInvite), and Leaf refuses unknown fields.
  const leafUser = await createLeafUser(leaf(), { name: input.name, email: input.email });
  const db = await database();
  const [grower] = await db
    .insert(growers)
    .values({ leafUserId: leafUser.id, name: input.name, email: input.email, externalId: input.externalId })
    .returning();
  if (input.locale) await rememberGrowerLocale(leafUser.id, input.locale);
  const link = await issueInvite(grower!.id, actor, invite.maxUses, invite.lifetimeMs);
  await audit({ actor, action: "add_grower", outcome: "created", leafUserId: leafUser.id });
  return { grower: grower!, invite: link };
}
