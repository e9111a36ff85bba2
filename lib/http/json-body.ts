import "server-only";
import { apiError } from "./api";

/** A 400 for a POST that says it is JSON and is not; undefined when the body is fine or not JSON at all. */
export async function unreadableJsonBody(request: Request): Promise<Response | undefined> {
  if (request.method !== "POST" || !request.headers.get("content-type")?.includes("application/json")) return undefined;
  try {
    await request.clone().json();
    return undefined;
  } catch {
    return apiError(400, "unreadable_body", "The request body is not valid JSON.");
  }
}
