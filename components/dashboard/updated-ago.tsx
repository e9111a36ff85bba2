"use client";

import { useEffect, useState } from "react";
import { translator } from "@/lib/i18n/sentence";
import type { DashboardWords } from "./words";

interface Props {
  at: number;
  failing: boolean;
  words: DashboardWords["updated"];
  locale: string;
}

/** "Updated 4s ago", ticking; the first render says "just now" so server and browser agree. */
export function UpdatedAgo({ at, failing, words, locale }: Props) {
  const t = translator(locale, words);
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
