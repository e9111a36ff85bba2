"use client";

import { translator } from "@/lib/i18n/sentence";
import { PostAndRefresh } from "./post-and-refresh";
import type { DashboardWords } from "./words";

/** Admins (re-)register Headland's webhook with Leaf, e.g. after APP_URL changed; running it again changes nothing. */
export function RegisterLeafAlerts({ words, locale }: { words: DashboardWords["alerts"]; locale: string }) {
  const t = translator(locale, words);
  return (
    <PostAndRefresh
      url="/api/alerts/register"
      label={t("register")}
      busyLabel={t("registering")}
      failure={t("registerFailed")}
      outcome={(body) => (body.outcome === "kept" ? t("kept") : t("registered"))}
    />
  );
}
