"use client";

import { useEffect, useState } from "react";
import { type AlertsHealth, type AlertsTranslate, alertsLine } from "@/lib/alerts/health";
import { translator } from "@/lib/i18n/sentence";
import type { DashboardWords } from "./words";

interface Props {
  health: AlertsHealth;
  renderedAt: string;
  words: DashboardWords["alerts"];
  locale: string;
}

/** "Leaf alerts: last heard 2 minutes ago", ticking; the first render uses the server's time so both agree. */
export function LeafAlertsStatus({ health, renderedAt, words, locale }: Props) {
  const [now, setNow] = useState(() => Date.parse(renderedAt));
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, []);
  const quiet = !health.lastHeardAt;
  const t = translator(locale, words);
  return (
    <p className={`text-sm ${quiet ? "text-amber-800" : "text-stone-600"}`}>
      {alertsLine(t as AlertsTranslate, health, now)}
    </p>
  );
}
