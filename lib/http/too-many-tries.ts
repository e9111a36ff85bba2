import "server-only";
import { refusalPage } from "./refusal-page";

/** A 429 that costs nothing to render and tells the grower what to do: wait, then try again. */
export async function tooManyTries(): Promise<Response> {
  const response = await refusalPage(429, "tooManyTries", "/connections");
  response.headers.set("retry-after", "60");
  return response;
}
