/**
 * Dates and numbers in a given locale and time zone, for code that has no next-intl formatter at hand
 * (emails, CSV, plain pages). Pages use next-intl's getFormatter()/useFormatter() or <LocalTime>.
 * Works on the server and in the browser.
 */
export type DateStyle = "date" | "dateTime" | "time";

const styles: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  time: { timeStyle: "short" },
};

const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, timeZone: string, style: DateStyle, zoneName: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}|${zoneName}`;
  let format = formats.get(key);
  if (!format) {
    // dateStyle cannot be combined with timeZoneName, so a named zone spells the parts out.
    const options: Intl.DateTimeFormatOptions = zoneName
      ? { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }
      : styles[style];
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formats.set(key, format);
  }
  return format;
}

/** "2 Dec 2026, 19:40" in the viewer's locale and zone. withZone adds the zone's name ("UTC"). */
export function formatDateTime(
  value: Date | string | number,
  { locale, timeZone, style = "dateTime", withZone = false }: FormatDateOptions,
): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  return dateFormat(locale, timeZone, style, withZone && style !== "date").format(date);
}

export interface FormatDateOptions {
  locale: string;
  timeZone: string;
  style?: DateStyle;
  withZone?: boolean;
}

/** 1,234.5 / 1.234,5 as the locale writes it. */
export function formatNumber(value: number, locale: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

/** The browser's own zone (UTC where it cannot say). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
