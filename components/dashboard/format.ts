// Dates as the dashboard shows them: fixed to UTC so the server's and the browser's renders agree.

export function shortDay(iso: string): string {
  return new Date(iso).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

export function checkedTime(iso: string | null): string {
  if (!iso) return "Never";
  return `${new Date(iso).toLocaleString("en-US", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" })} UTC`;
}
