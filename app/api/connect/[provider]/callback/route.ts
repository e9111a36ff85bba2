// GET /api/connect/{provider}/callback: the provider sends the grower back here after consent.
import { type NextRequest, NextResponse } from "next/server";
import { currentViewer } from "@/lib/auth/viewer";
import { config } from "@/lib/config";
import { ConnectError } from "@/lib/connect/connect-error";
import { deliverCredentials, nextStep } from "@/lib/connect/deliver";
import { mark, serverTimingHeader, withStepTiming } from "@/lib/connect/step-timing";
import { addressRefused, connectAllowed } from "@/lib/connect/throttle";
import { connectFailure } from "@/lib/http/connect-failure";
import { unknownProvider } from "@/lib/http/refusal-page";
import { tooManyTries } from "@/lib/http/too-many-tries";
import { parseCallbackState } from "@/lib/oauth/callback-query";
import { redirectUriFor } from "@/lib/oauth/client";
import { exchangeCode } from "@/lib/oauth/exchange";
import { type ConsumedTransaction, consumeTransaction } from "@/lib/oauth/transactions";
import { findProvider } from "@/lib/providers";
import { settingsFor } from "@/lib/providers/settings";

export function GET(request: NextRequest, context: { params: Promise<{ provider: string }> }) {
  return withStepTiming(() => callback(request, context));
}

async function callback(request: NextRequest, { params }: { params: Promise<{ provider: string }> }) {
  const provider = findProvider((await params).provider);
  if (!provider) return unknownProvider();
  let transaction: ConsumedTransaction | undefined;
  try {
    if (addressRefused("callback", request.headers)) return tooManyTries();
    const viewer = await currentViewer();
    if (!(await connectAllowed("callback", request.headers, viewer?.sid))) return tooManyTries();
    if (viewer?.role !== "grower") throw new ConnectError("signed_out");
    mark("guard");
    const state = parseCallbackState(request.nextUrl.searchParams);
    transaction = await consumeTransaction(state, { provider: provider.id, sessionId: viewer.sid });
    mark("transaction");
    const settings = settingsFor(provider);
    const tokens = await exchangeCode(provider, settings, {
      callbackParams: request.nextUrl.searchParams,
      state,
      codeVerifier: transaction.codeVerifier,
      redirectUri: redirectUriFor(config().appUrl, provider),
    });
    mark("exchange");
    const outcome = await deliverCredentials(transaction.leafUserId, provider, tokens, transaction.correlationId);
    const response = NextResponse.redirect(
      await nextStep(provider, settings, tokens, outcome, transaction.returnTo),
      303,
    );
    mark("redirect");
    const timing = serverTimingHeader();
    if (timing) response.headers.set("server-timing", timing);
    return response;
  } catch (error) {
    return connectFailure(error, provider, {
      leafUserId: transaction?.leafUserId,
      correlationId: transaction?.correlationId,
      returnTo: transaction?.returnTo,
    });
  }
}
