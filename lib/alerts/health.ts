// What the dashboard says about Leaf's alerts (words from the dashboard catalog); safe for client components.

export interface AlertsHealth {
  /** Whether Headland's webhook is registered with Leaf. */
  registered: boolean;
  /** ISO time of the last signed delivery, or null. */
  lastHeardAt: string | null;
}

/** A translator for the dashboard catalog's `alerts.*`: next-intl's, or the compiled words' (lib/i18n/sentence). */
export type AlertsTranslate = (key: string, values?: Record<string, number | string>) => string;

function ago(t: AlertsTranslate, ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return seconds < 5 ? t("justNow") : t("seconds", { count: seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return t("minutes", { count: minutes });
  const hours = Math.round(minutes / 60);
  return hours < 48 ? t("hours", { count: hours }) : t("days", { count: Math.round(hours / 24) });
}

/** "Leaf alerts: last heard 2 minutes ago"; the sweep still checks every connection either way. */
export function alertsLine(t: AlertsTranslate, health: AlertsHealth, now: number): string {
  if (health.lastHeardAt) return t("heard", { ago: ago(t, now - Date.parse(health.lastHeardAt)) });
  return health.registered ? t("quiet") : t("notRegistered");
}
