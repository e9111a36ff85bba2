// Tells a provider's outage apart from one grower's revoked consent: the share of its connections that
// broke in the last 24 hours against the share that breaks on a normal day. Pure, shared by server and tests.

export type HealthVerdict = "quiet" | "normal" | "isolated" | "outage";

export interface ProviderHealthFigures {
  provider: string;
  name: string;
  /** Connections the provider has now (any status but "not connected"). */
  connections: number;
  /** Connections that broke in the last 24 hours. */
  brokeToday: number;
  /** brokeToday / connections (0 when there are none). */
  shareToday: number;
  /** The average daily share over the 30 days before today. */
  normalShare: number;
}

// An outage breaks many connections at once: at least this many, this share, and this many times the norm.
const outageAtLeast = 3;
const outageShare = 0.05;
const outageTimesNorm = 5;

export function verdictOf({ brokeToday, shareToday, normalShare }: ProviderHealthFigures): HealthVerdict {
  if (brokeToday === 0) return "quiet";
  if (brokeToday >= outageAtLeast && shareToday >= outageShare && shareToday >= outageTimesNorm * normalShare)
    return "outage";
  // Near the usual rate: growers revoke access and change passwords every day.
  if (shareToday <= 2 * normalShare) return "normal";
  return "isolated";
}

/** 12%, 0.4%, 0%: whole percent from 10 up, one decimal below. */
export function percent(share: number): string {
  const p = share * 100;
  if (p === 0) return "0%";
  if (p >= 10) return `${Math.round(p)}%`;
  return `${Math.max(0.1, Math.round(p * 10) / 10)}%`;
}
