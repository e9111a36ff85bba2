"use client";

import { useTranslations } from "next-intl";
import { PostAndRefresh } from "./post-and-refresh";

/** Admins (re-)register Headland's webhook with Leaf, e.g. after APP_URL changed; running it again changes nothing. */
export function RegisterLeafAlerts() {
  const t = useTranslations("dashboard.alerts");
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
