import "server-only";
import { config } from "@/lib/config";

/** An absolute URL on Headland for a path that safeReturnPath already vetted, plus the outcome. */
export function landingUrl(path: string, query: Record<string, string>): string {
  const url = new URL(path, config().appUrl);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}
