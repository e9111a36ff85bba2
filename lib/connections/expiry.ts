import "server-only";
import { and, eq, inArray, max } from "drizzle-orm";
import { database } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { providers } from "@/lib/providers/registry";
import type { Provider } from "@/lib/providers/types";

// When a connection's refresh token lapses for a provider that lets unused ones lapse (Climate's, 30 days).
// Headland sees only the token it handed to Leaf, not Leaf's later refreshes, so the clock starts at the
// last delivery: the date is the latest the credential is sure to work, a worst case and never too late.

const dayMs = 24 * 3600 * 1000;

/** The grower is nudged to reconnect this many days before the token lapses. */
export const nudgeDaysBefore = 7;

export interface TokenLapse {
  lapsesAt: Date;
  /** Whole days left, rounded up; 0 once it has lapsed. "Expires in N days". */
  daysLeft: number;
  /** Close enough to lapsing that the grower should reconnect now. */
  nudge: boolean;
}

/** When a token issued at `issuedAt` lapses unused, or undefined when the provider's tokens do not lapse. */
export function tokenLapse(
  provider: Pick<Provider, "refreshTokenLapsesAfterDays">,
  issuedAt: Date | null | undefined,
  now = new Date(),
): TokenLapse | undefined {
  const days = provider.refreshTokenLapsesAfterDays;
  if (!days || !issuedAt) return undefined;
  const lapsesAt = new Date(issuedAt.getTime() + days * dayMs);
  const daysLeft = Math.max(0, Math.ceil((lapsesAt.getTime() - now.getTime()) / dayMs));
  return { lapsesAt, daysLeft, nudge: daysLeft <= nudgeDaysBefore };
}

const lapsing = () => providers.filter((p) => p.refreshTokenLapsesAfterDays);

/**
 * The lapse of each lapsing provider's token for some growers, keyed `${leafUserId}/${providerId}`; a
 * connection Headland never delivered has none. One grouped query, on the audit log's (leafUserId, at) index.
 */
export async function tokenLapses(leafUserIds: string[], now = new Date()): Promise<Map<string, TokenLapse>> {
  const kinds = lapsing();
  if (!leafUserIds.length || !kinds.length) return new Map();
  const db = await database();
  const rows = await db
    .select({ leafUserId: auditLog.leafUserId, provider: auditLog.provider, at: max(auditLog.at) })
    .from(auditLog)
    .where(
      and(
        inArray(auditLog.leafUserId, leafUserIds),
        inArray(
          auditLog.provider,
          kinds.map((p) => p.id),
        ),
        eq(auditLog.action, "deliver"),
        eq(auditLog.outcome, "delivered"),
      ),
    )
    .groupBy(auditLog.leafUserId, auditLog.provider);
  const lapses = new Map<string, TokenLapse>();
  for (const row of rows) {
    const provider = kinds.find((p) => p.id === row.provider);
    const lapse = provider && tokenLapse(provider, row.at, now);
    if (lapse) lapses.set(`${row.leafUserId}/${row.provider}`, lapse);
  }
  return lapses;
}

/** One grower's lapses, by provider id. */
export async function growerTokenLapses(leafUserId: string, now = new Date()): Promise<Map<string, TokenLapse>> {
  const all = await tokenLapses([leafUserId], now);
  return new Map([...all].map(([key, lapse]) => [key.slice(leafUserId.length + 1), lapse]));
}
