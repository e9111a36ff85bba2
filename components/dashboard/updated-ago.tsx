"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/** "Updated 4s ago", ticking; the first render says "just now" so server and browser agree. */
export function UpdatedAgo({ at, failing }: { at: number; failing: boolean }) {
  const t = useTranslations("dashboard.updated");
  const [now, setNow] = useState<number>();
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = now === undefined ? 0 : Math.max(0, Math.round((now - at) / 1000));
  const age =
    seconds < 2
      ? t("justNow")
      : seconds < 120
        ? t("seconds", { seconds })
        : t("minutes", { minutes: Math.round(seconds / 60) });
  return (
    <p className="text-sm text-stone-600">
      {t("line", { age })}
      {failing && <span className="ml-2 text-amber-800">{t("failing")}</span>}
    </p>
  );
}
