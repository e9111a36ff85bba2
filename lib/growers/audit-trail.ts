import "server-only";
import { desc, eq } from "drizzle-orm";
import { isConnectErrorCode } from "@/lib/connect/connect-error";
import { database } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { diagnose } from "@/lib/doctor";
import { inEnglish } from "@/lib/doctor/english";
import { findProvider } from "@/lib/providers";

export interface TrailLine {
  at: string;
  who: string;
  what: string;
  /** How it ended, or what happened; null while a consent is still under way. */
  outcome: string | null;
  endedAt: string | null;
  /** The consent's correlation id, beside an attempt that did not reach Leaf: the key to its log lines. */
  reference: string | null;
}

type Entry = typeof auditLog.$inferSelect;

// Consent start, delivery and its retries share a correlation id: one attempt, one line.
const attemptActions = new Set(["consent", "deliver", "retry_delivery"]);

function who(actor: string): string {
  if (actor.startsWith("grower:")) return "The grower";
  if (actor.startsWith("staff:")) return actor.slice("staff:".length);
  return actor === "headland" ? "Headland" : actor;
}

function outcomeWords(entry: Entry, providerName: string): string {
  if (entry.action === "deliver")
    return entry.outcome === "delivered"
      ? "Saved to Leaf"
      : `Leaf refused it${entry.detail ? `: ${entry.detail}` : ""}`;
  if (entry.action === "retry_delivery") return "Sent to Leaf again";
  if (entry.action === "consent" && isConnectErrorCode(entry.outcome))
    return diagnose(inEnglish, { trouble: entry.outcome, provider: { id: "", name: providerName }, audience: "staff" })
      .title;
  return entry.detail ? `${entry.outcome}: ${entry.detail}` : entry.outcome;
}

const actionWords: Record<string, string> = {
  consent: "Started connecting",
  disconnect: "Disconnected",
  check: "Checked now",
  invite: "Sent a new invite",
  invite_email: "Emailed the invite",
  add_grower: "Added the grower",
};

/** Headland's own record for one grower, newest first: consent attempts and how they ended, and staff actions. */
export async function auditTrail(leafUserId: string, limit = 200): Promise<TrailLine[]> {
  const db = await database();
  const entries = await db
    .select()
    .from(auditLog)
    .where(eq(auditLog.leafUserId, leafUserId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  const attempts = new Map<string, Entry[]>();
  const lines: TrailLine[] = [];
  for (const entry of entries.toReversed()) {
    const providerName = findProvider(entry.provider ?? "")?.name ?? "";
    if (attemptActions.has(entry.action) && entry.correlationId) {
      const steps = attempts.get(entry.correlationId) ?? [];
      attempts.set(entry.correlationId, [...steps, entry]);
      continue;
    }
    const what = `${actionWords[entry.action] ?? entry.action}${providerName ? ` ${providerName}` : ""}`;
    lines.push({
      at: entry.at.toISOString(),
      who: who(entry.actor),
      what,
      outcome: outcomeWords(entry, providerName),
      endedAt: null,
      reference: null,
    });
  }
  for (const steps of attempts.values()) {
    const first = steps[0]!;
    const last = steps.at(-1)!;
    const providerName = findProvider(first.provider ?? "")?.name ?? "";
    const ended = last.outcome !== "started";
    const reachedLeaf = last.action === "deliver" && last.outcome === "delivered";
    lines.push({
      at: first.at.toISOString(),
      who: who(first.actor),
      what: `Started connecting ${providerName}`.trim(),
      outcome: ended ? outcomeWords(last, providerName) : null,
      endedAt: ended ? last.at.toISOString() : null,
      reference: reachedLeaf ? null : first.correlationId,
    });
  }
  return lines.sort((a, b) => b.at.localeCompare(a.at));
}
