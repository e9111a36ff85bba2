import "server-only";
import { z } from "zod";
import { config, readVar } from "@/lib/config";

/**
 * Calls one key may make per minute. Far above a CRM syncing a few thousand growers an hour, low enough
 * that a runaway loop in a partner's system cannot starve the dashboard or hammer Leaf.
 */
export function apiRateLimitPerMinute(): number {
  const { env } = config();
  return readVar(env, "HEADLAND_API_RATE_LIMIT_PER_MINUTE", z.coerce.number().int().positive()) ?? 600;
}
