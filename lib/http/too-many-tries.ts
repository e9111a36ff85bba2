import "server-only";
import { plainPage } from "./plain-page";

/** A 429 that costs nothing to render and tells the grower what to do: wait, then try again. */
export function tooManyTries(): Response {
  const response = plainPage(429, {
    title: "Too many tries",
    sentence: "Headland was asked to connect from here many times in the last minute. Wait a minute, then try again.",
    action: { label: "Back to your connections", href: "/connections" },
  });
  response.headers.set("retry-after", "60");
  return response;
}
