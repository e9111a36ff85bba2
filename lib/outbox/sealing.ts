import "server-only";
import { z } from "zod";
import { type Binding, type Keyring, open, seal } from "@/lib/crypto/seal";
import type { deliveries } from "@/lib/db/schema";
import type { TokenSet } from "@/lib/providers";

type Row = Pick<typeof deliveries.$inferSelect, "id" | "leafUserId" | "provider">;

/** What staff read when a row's key is gone or the row was edited or moved in the database. */
export const unopenableReason = "cannot be opened with the configured keys";

const sealedTokens = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().optional(),
  scope: z.string().optional(),
});

/** A token set opens only for its own row, grower and provider: a row moved to another grower does not. */
export function deliveryBinding(row: Row): Binding {
  return [row.id, row.leafUserId, row.provider];
}

export function sealTokens(keyring: Keyring, row: Row, tokens: TokenSet): { keyId: string; sealed: string } {
  return seal(keyring, deliveryBinding(row), JSON.stringify(tokens));
}

/** The token set, or undefined when no configured key opens it for this row. */
export function openTokens(keyring: Keyring, row: Row & { keyId: string; sealed: string }): TokenSet | undefined {
  try {
    return sealedTokens.parse(JSON.parse(open(keyring, deliveryBinding(row), row.keyId, row.sealed)));
  } catch {
    return undefined;
  }
}
