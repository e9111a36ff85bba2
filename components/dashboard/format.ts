// Days as the dashboard shows them ("since Dec 3"): fixed to UTC so the server's and the browser's renders
// agree. Moments (a row's last check) are <ZonedTime>s, in the reader's own zone.
// One formatter each, made once: toLocaleString with options builds a new Intl.DateTimeFormat on every
// call, which was the single most expensive step of rendering a 50-row page.

const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

export function shortDay(iso: string): string {
  return dayFormat.format(new Date(iso));
}

const countFormat = new Intl.NumberFormat("en-US");

/** 12,345 */
export function count(n: number): string {
  return countFormat.format(n);
}
