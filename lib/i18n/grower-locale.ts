import "server-only";
import { eq, sql } from "drizzle-orm";
import { defaultLocale, isLocale, type Locale } from "@/i18n/locales";
import { database } from "@/lib/db/client";
import { growerLocales, growers } from "@/lib/db/schema";

/**
 * The language a grower last read Headland in: their browser's when they opened their invite, or the one
 * they picked with the language switch. An email sent later (a new invite) is written in it; a grower
 * who has never opened a page gets English.
 */
export async function growerLocale(leafUserId: string): Promise<Locale> {
  const db = await database();
  const [row] = await db
    .select({ locale: growerLocales.locale })
    .from(growerLocales)
    .where(eq(growerLocales.leafUserId, leafUserId));
  return isLocale(row?.locale) ? row.locale : defaultLocale;
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
