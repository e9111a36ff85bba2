import "server-only";
import { ConnectError } from "@/lib/connect/connect-error";
import { logger } from "@/lib/log";
import { attemptDelivery, type DeliveryOutcome, dropDeliveries, stageDelivery } from "@/lib/outbox/deliveries";
import type { Provider, ProviderSettings, TokenSet } from "@/lib/providers";
import { landingUrl } from "./landing-url";

/** Stages the token set, then tries Leaf at once; a Leaf outage leaves it staged for the worker. */
export async function deliverCredentials(
  leafUserId: string,
  provider: Provider,
  tokens: TokenSet,
  correlationId: string,
): Promise<DeliveryOutcome> {
  const staged = await stageDelivery(leafUserId, provider, tokens, correlationId);
  // A newer consent supersedes any older token set still waiting for Leaf.
  await dropDeliveries(leafUserId, provider.id, staged.id);
  const outcome = await attemptDelivery(staged, provider);
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
