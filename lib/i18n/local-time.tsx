import "server-only";
import { getLocale, getTimeZone } from "next-intl/server";
import type { DateStyle } from "./format";
import { ZonedTime } from "./zoned-time";

/**
 * A moment in the viewer's own time zone. The server renders it in the zone the browser reported last
 * time (a cookie) or in UTC, named so, on a first visit; once the page runs, the browser's own zone takes
 * over and is remembered, so the next server render is already right and nothing moves. The locale and
 * zone come from the request here, so the browser side needs no next-intl client.
 */
export async function LocalTime({ value, style = "dateTime" }: { value: Date | string; style?: DateStyle }) {
  const [locale, serverZone] = await Promise.all([getLocale(), getTimeZone()]);
  return <ZonedTime iso={new Date(value).toISOString()} style={style} locale={locale} serverZone={serverZone} />;
}
