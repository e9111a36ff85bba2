import "server-only";
import { ConnectError } from "@/lib/connect/connect-error";
import { logger } from "@/lib/log";
import { attemptDelivery, type DeliveryOutcome, dropDeliveries, stageDelivery } from "@/lib/outbox/deliveries";
import type { Provider, ProviderSettings, TokenSet } from "@/lib/providers";
import { landingUrl } from "./landing-url";
import { mark } from "./step-timing";

/**
 * Stages the token set, then tries Leaf at once; a Leaf outage leaves it staged for the worker. The
 * grower waits for this, so only two database writes stand in its path: the sealed row before the POST, its
 * deletion after.
 */
export async function deliverCredentials(
  leafUserId: string,
  provider: Provider,
  tokens: TokenSet,
  correlationId: string,
): Promise<DeliveryOutcome> {
  const staged = await stageDelivery(leafUserId, provider, tokens, correlationId, { recordPending: false });
  mark("stage");
  // Only the sealed row must exist before Leaf is tried; dropping any older token set still waiting for
  // Leaf (a newer consent supersedes it) runs while the POST is on its way. Marked handled here so a
  // failure while the POST is out is no unhandled rejection; the attempt and the await below still see it.
  const alongside = dropDeliveries(leafUserId, provider.id, staged.id);
  alongside.catch(() => undefined);
  const outcome = await attemptDelivery(staged, provider, { fromCallback: { alongside } });
  await alongside;
  if (outcome === "failed") throw new ConnectError("leaf_rejected");
  return outcome;
}

/** Where the grower goes next: the provider's extra step (Deere's organizations) or back to their connections. */
export async function nextStep(
  provider: Provider,
  settings: ProviderSettings,
  tokens: TokenSet,
  outcome: DeliveryOutcome,
  returnTo: string,
): Promise<string> {
  const back = landingUrl(returnTo, { connected: provider.id, ...(outcome === "retrying" ? { saving: "1" } : {}) });
  if (!provider.afterConsent) return back;
  try {
    return (await provider.afterConsent(tokens, settings, back)) ?? back;
  } catch (error) {
    // The connection is saved; the grower can pick organizations later from the provider's site.
    logger.warn({ provider: provider.id, reason: (error as Error).message }, "after-consent step unavailable");
    return back;
  }
}
