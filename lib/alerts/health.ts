// What the dashboard says about Leaf's alerts; plain data and words, safe for client components.

export interface AlertsHealth {
  /** Whether Headland's webhook is registered with Leaf. */
  registered: boolean;
  /** ISO time of the last signed delivery, or null. */
  lastHeardAt: string | null;
}

function ago(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return seconds < 5 ? "just now" : `${seconds} seconds ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} ${minutes === 1 ? "minute" : "minutes"} ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} hours ago` : `${Math.round(hours / 24)} days ago`;
}

/** "Leaf alerts: last heard 2 minutes ago"; the sweep still checks every connection either way. */
export function alertsLine(health: AlertsHealth, now: number): string {
  if (health.lastHeardAt) return `Leaf alerts: last heard ${ago(now - Date.parse(health.lastHeardAt))}`;
  return health.registered ? "Leaf alerts: registered, not heard from yet" : "Leaf alerts: not registered";
}
