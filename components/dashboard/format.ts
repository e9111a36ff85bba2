// Dates as the dashboard shows them: fixed to UTC so the server's and the browser's renders agree.
// One formatter each, made once: toLocaleString with options builds a new Intl.DateTimeFormat on every
// call, which was the single most expensive step of rendering a 50-row page.

const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

export function shortDay(iso: string): string {
  return dayFormat.format(new Date(iso));
}

export function checkedTime(iso: string | null): string {
  if (!iso) return "Never";
  return `${timeFormat.format(new Date(iso))} UTC`;
}

const countFormat = new Intl.NumberFormat("en-US");

/** 12,345 */
export function count(n: number): string {
  return countFormat.format(n);
}
