import "server-only";
import { NextResponse } from "next/server";
import { audit } from "@/lib/audit";
import { config } from "@/lib/config";
import { logger } from "@/lib/log";
import { plainPage } from "@/lib/http/plain-page";
import { ConnectError } from "@/lib/oauth/connect-error";
import type { Provider, ProviderSettings, TokenSet } from "@/lib/providers";
import { attemptDelivery, dropDeliveries, stageDelivery, type DeliveryOutcome } from "./deliveries";
import { connectErrorMessage } from "./messages";

/** An absolute URL on Headland for a path that safeReturnPath already vetted, plus the outcome. */
export function landingUrl(path: string, query: Record<string, string>): string {
  const url = new URL(path, config().appUrl);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

/** Stages the token set, then tries Leaf at once; a Leaf outage leaves it staged for the worker. */
export async function deliverCredentials(leafUserId: string, provider: Provider, tokens: TokenSet, correlationId: string): Promise<DeliveryOutcome> {
  const staged = await stageDelivery(leafUserId, provider, tokens, correlationId);
  // A newer consent supersedes any older token set still waiting for Leaf.
  await dropDeliveries(leafUserId, provider.id, staged.id);
  const outcome = await attemptDelivery(staged);
  if (outcome === "failed") throw new ConnectError("leaf_rejected");
  return outcome;
}

/** Where the grower goes next: the provider's extra step (Deere's organizations) or back to their connections. */
export async function nextStep(provider: Provider, settings: ProviderSettings, tokens: TokenSet, outcome: DeliveryOutcome, returnTo: string): Promise<string> {
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

/** The one place a failed attempt becomes a response: a 4xx page for a bad callback, else back to /connections. */
export async function connectFailure(error: unknown, provider: Provider, context: { leafUserId?: string; correlationId?: string; returnTo?: string }): Promise<Response> {
  const failure = error instanceof ConnectError ? error : new ConnectError("exchange_failed", (error as Error)?.message);
  if (!(error instanceof ConnectError)) logger.error({ err: error, provider: provider.id, ...context }, "connect flow failed unexpectedly");
  if (context.leafUserId) {
    await audit({ actor: `grower:${context.leafUserId}`, action: "consent", outcome: failure.code, provider: provider.id, leafUserId: context.leafUserId, correlationId: context.correlationId, detail: failure.message });
  } else {
    // A callback that matches no transaction belongs to nobody: a log line, not a row anyone can make us write.
    logger.info({ provider: provider.id, outcome: failure.code }, "callback refused");
  }
  if (failure.refusesRequest) {
    const words = connectErrorMessage(failure.code, provider.name);
    const status = failure.code === "signed_out" ? 401 : failure.code === "mismatch" ? 403 : 400;
    return plainPage(status, { ...words, action: { label: "Back to your connections", href: "/connections" } });
  }
  return NextResponse.redirect(landingUrl(context.returnTo ?? "/connections", { error: failure.code, provider: provider.id }), 303);
}
