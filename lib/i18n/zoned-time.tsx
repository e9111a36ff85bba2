"use client";

import { useEffect, useState } from "react";
import { timeZoneCookie } from "@/i18n/locales";
import { browserTimeZone, type DateStyle, formatDateTime } from "./format";

interface Props {
  /** ISO time. */
  iso: string;
  style: DateStyle;
  locale: string;
  /** The zone the server rendered in: the one the browser reported last time (a cookie), or UTC. */
  serverZone: string;
}

/** <LocalTime>'s browser side: takes the browser's own zone once the page runs, and remembers it. */
export function ZonedTime({ iso, style, locale, serverZone }: Props) {
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

  const timeZone = ownZone ?? serverZone;
  const withZone = !ownZone && serverZone === "UTC";
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {formatDateTime(iso, { locale, timeZone, style, withZone })}
    </time>
  );
}
