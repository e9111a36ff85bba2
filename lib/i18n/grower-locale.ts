import "server-only";
import { eq, sql } from "drizzle-orm";
import { defaultLocale, isLocale, type Locale } from "@/i18n/locales";
import { verifyInviteToken } from "@/lib/auth/invite-token";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { growerLocales, growers, invites } from "@/lib/db/schema";

/**
 * The language Headland remembers for a grower: the one staff chose when adding them (or for a batch of
 * invites), until the grower reads Headland themselves: then their browser's when they open their invite,
 * or the one they pick with the language switch. Undefined when there is none.
 */
export async function rememberedGrowerLocale(leafUserId: string): Promise<Locale | undefined> {
  const db = await database();
  const [row] = await db
    .select({ locale: growerLocales.locale })
    .from(growerLocales)
    .where(eq(growerLocales.leafUserId, leafUserId));
  return isLocale(row?.locale) ? row.locale : undefined;
}

/** The language an email to the grower (a new invite) is written in: the remembered one, else English. */
export async function growerLocale(leafUserId: string): Promise<Locale> {
  return (await rememberedGrowerLocale(leafUserId)) ?? defaultLocale;
}

/** The remembered language of the grower an invite link is for, whether or not the link still works. */
export async function inviteeLocale(token: string): Promise<Locale | undefined> {
  const inviteId = verifyInviteToken(config().authSecret, token);
  if (!inviteId) return undefined;
  const db = await database();
  const [row] = await db
    .select({ locale: growerLocales.locale })
    .from(invites)
    .innerJoin(growers, eq(growers.id, invites.growerId))
    .innerJoin(growerLocales, eq(growerLocales.leafUserId, growers.leafUserId))
    .where(eq(invites.id, inviteId));
  return isLocale(row?.locale) ? row.locale : undefined;
}

/** Remembers it; a grower Headland does not know (removed meanwhile) is skipped, not an error. */
export async function rememberGrowerLocale(leafUserId: string, locale: Locale): Promise<void> {
  const db = await database();
  await db
    .insert(growerLocales)
    .select(
      db
        .select({
          leafUserId: growers.leafUserId,
          locale: sql<string>`${locale}`.as("locale"),
          updatedAt: sql<Date>`now()`.as("updated_at"),
        })
        .from(growers)
        .where(eq(growers.leafUserId, leafUserId)),
    )
    .onConflictDoUpdate({
      target: growerLocales.leafUserId,
      set: { locale, updatedAt: sql`now()` },
      setWhere: sql`${growerLocales.locale} is distinct from ${locale}`,
    });
}
