"use client";

import { useLocale, useTimeZone } from "next-intl";
import { useEffect, useState } from "react";
import { timeZoneCookie } from "@/i18n/locales";
import { browserTimeZone, type DateStyle, formatDateTime } from "./format";

/**
 * A moment in the viewer's own time zone. The server renders it in the zone the browser reported last
 * time (a cookie) or in UTC, named so, on a first visit; once the page runs, the browser's own zone takes
 * over and is remembered, so the next server render is already right and nothing moves.
 */
export function LocalTime({ value, style = "dateTime" }: { value: Date | string; style?: DateStyle }) {
  const locale = useLocale();
  const serverZone = useTimeZone() ?? "UTC";
  const [ownZone, setOwnZone] = useState<string>();

  useEffect(() => {
    const zone = browserTimeZone();
    setOwnZone(zone);
    const cookie = `${timeZoneCookie}=${encodeURIComponent(zone)}`;
    if (!document.cookie.split("; ").includes(cookie)) {
      // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser growers use.
      document.cookie = `${cookie}; path=/; max-age=31536000; samesite=lax`;
    }
  }, []);

  const iso = new Date(value).toISOString();
  const timeZone = ownZone ?? serverZone;
  const withZone = !ownZone && serverZone === "UTC";
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {formatDateTime(value, { locale, timeZone, style, withZone })}
    </time>
  );
}
