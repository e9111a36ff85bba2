import { z } from "zod";
import type { TokenSet } from "./types";

/**
 * RFC 6749 §5.1 token response, camelCased. refresh_token is required: Leaf needs it, and a provider that
 * omits it (Deere without offline_access) must fail loudly here, not silently at Leaf.
 */
export const refreshingTokenResponse: z.ZodType<TokenSet> = z
  .object({
    access_token: z.string().min(1),
    refresh_token: z.string().min(1, "the provider returned no refresh token"),
    expires_in: z.coerce.number().int().positive().optional(),
    scope: z.string().optional(),
  })
  .transform((t) => ({
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    expiresIn: t.expires_in,
    scope: t.scope,
  }));
