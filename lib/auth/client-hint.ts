// What staff see beside each use of an invite link ("Chrome on Android"): enough to notice a link that
// was forwarded, too coarse to identify anyone. The full user agent and the address are not kept.

const browsers: [RegExp, string][] = [
  // Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\bOPR\//, "Opera"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/Chrome\/|\bCriOS\//, "Chrome"],
  [/\bVersion\/[\d.]+.*Safari\//, "Safari"],
];

const systems: [RegExp, string][] = [
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMacintosh\b/, "Mac"],
  [/\bLinux\b/, "Linux"],
];

const firstMatch = (table: [RegExp, string][], text: string) => table.find(([pattern]) => pattern.test(text))?.[1];

export function clientHint(userAgent: unknown): string {
  const text = typeof userAgent === "string" ? userAgent : "";
  const browser = firstMatch(browsers, text);
  if (!browser) return "Another app or browser";
  const system = firstMatch(systems, text);
  return system ? `${browser} on ${system}` : browser;
}
