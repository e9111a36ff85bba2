import "server-only";
import { apiError } from "@/lib/http/api";
import { StaffChangeError } from "./errors";

/** A refused staff change as the API's JSON error; anything else is not a refusal and goes on up. */
export function refusal(error: unknown): Response {
  if (error instanceof StaffChangeError) return apiError(error.status, error.code, error.sentence);
  throw error;
}
