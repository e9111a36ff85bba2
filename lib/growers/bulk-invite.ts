import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Locale } from "@/i18n/locales";
import { audit } from "@/lib/audit";
import { growerFilter } from "@/lib/dashboard/grower-rows";
import { database } from "@/lib/db/client";
import { connectionSnapshots, growers } from "@/lib/db/schema";
import { rememberGrowerLocale } from "@/lib/i18n/grower-locale";
import { mailEnabled } from "@/lib/mail/send";
import { mailInvite } from "./email-invite";
import { sendNewInvite } from "./send-new-invite";

/** At most this many growers in one request: each is a few writes and maybe an email. */
export const bulkInviteLimit = 500;

export interface BulkInviteLine {
  name: string;
  email: string;
  link: string;
  emailed: boolean;
}

export interface BulkInviteResult {
  lines: BulkInviteLine[];
  /** Asked for but unknown to Headland (removed since the page loaded). */
  unknown: number;
  emailed: number;
  /** Email was asked for, but this many were not sent (no address, or the mail server refused). */
  notEmailed: number;
}

/**
 * Growers whose connection to this provider needs reconnecting, by name, among those the dashboard's search
 * shows (all when it is empty); at most one more than the limit.
 */
export async function growersNeedingReconnect(
  provider: string,
  search = "",
): Promise<{ leafUserId: string; name: string }[]> {
  const db = await database();
  return db
    .select({ leafUserId: growers.leafUserId, name: growers.name })
    .from(growers)
    .innerJoin(connectionSnapshots, eq(connectionSnapshots.leafUserId, growers.leafUserId))
    .where(
      and(
        eq(connectionSnapshots.provider, provider),
        eq(connectionSnapshots.status, "reauth"),
        growerFilter({ q: search.trim() }),
      ),
    )
    .orderBy(asc(sql`lower(${growers.name})`), asc(growers.id))
    .limit(bulkInviteLimit + 1);
}

/**
 * New invite links for each grower, one after the other (each revokes the grower's earlier links and ends
 * their sessions, as "Send new invite" does), mailed where asked and possible. Every link and email is
 * audited per grower by the functions it reuses; the batch itself gets one row more.
 */
export async function bulkInvite(
  leafUserIds: string[],
  actor: string,
  email: boolean,
  locale?: Locale,
): Promise<BulkInviteResult> {
  const db = await database();
  const ids = [...new Set(leafUserIds)];
  const known = await db
    .select({ leafUserId: growers.leafUserId, name: growers.name, email: growers.email })
    .from(growers)
    .where(inArray(growers.leafUserId, ids))
    .orderBy(asc(sql`lower(${growers.name})`), asc(growers.id));
  const mailing = email && mailEnabled();
  const lines: BulkInviteLine[] = [];
  let notEmailed = 0;
  for (const grower of known) {
    const invite = await sendNewInvite(grower.leafUserId, actor);
    if (!invite) continue;
    if (locale) await rememberGrowerLocale(grower.leafUserId, locale);
    const sent = mailing && grower.email.trim() ? await mailInvite(grower, invite, actor) : undefined;
    if (email && !sent) notEmailed++;
    lines.push({ name: grower.name, email: grower.email, link: invite.url, emailed: sent !== undefined });
  }
  const emailed = lines.filter((l) => l.emailed).length;
  const detail = `${lines.length} new links${email ? `; ${emailed} emailed, ${notEmailed} not` : ""}`;
  await audit({ actor, action: "bulk_invite", outcome: "sent", detail });
  return { lines, unknown: ids.length - known.length, emailed, notEmailed };
}

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection): quote it as text.
const formulaStart = /^[=+\-@\t\r]/;

function cell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** name, email, link, emailed: one line per grower, CRLF as RFC 4180 has it. */
export function invitesCsv(lines: BulkInviteLine[]): string {
  const rows = [
    ["name", "email", "link", "emailed"],
    ...lines.map((l) => [l.name, l.email, l.link, l.emailed ? "yes" : "no"]),
  ];
  return `${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
