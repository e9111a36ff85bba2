// GET /api/connect/{provider}: starts a consent flow for the signed-in grower.
import { type NextRequest, NextResponse } from "next/server";
import { audit } from "@/lib/audit";
import { currentViewer } from "@/lib/auth/viewer";
import { config } from "@/lib/config";
import { ConnectError } from "@/lib/connect/connect-error";
import { addressRefused, connectAllowed } from "@/lib/connect/throttle";
import { connectFailure } from "@/lib/http/connect-failure";
import { unknownProvider } from "@/lib/http/refusal-page";
import { safeReturnPath } from "@/lib/http/return-to";
import { tooManyTries } from "@/lib/http/too-many-tries";
import { authorizeUrl, redirectUriFor } from "@/lib/oauth/client";
import { beginTransaction } from "@/lib/oauth/transactions";
import { findProvider } from "@/lib/providers";
import { settingsFor } from "@/lib/providers/settings";

export async function GET(request: NextRequest, { params }: { params: Promise<{ provider: string }> }) {
  const provider = findProvider((await params).provider);
  if (!provider) return unknownProvider();
  if (addressRefused("start", request.headers)) return tooManyTries();
  const viewer = await currentViewer();
  if (!(await connectAllowed("start", request.headers, viewer?.sid))) return tooManyTries();
  if (viewer?.role !== "grower") return connectFailure(new ConnectError("signed_out"), provider, {});

  const settings = settingsFor(provider);
  const { state, codeChallenge, correlationId } = await beginTransaction({
    provider: provider.id,
    leafUserId: viewer.leafUserId,
    sessionId: viewer.sid,
    pkce: provider.pkce(settings),
    returnTo: safeReturnPath(request.nextUrl.searchParams.get("returnTo")),
  });
  await audit({
    actor: `grower:${viewer.leafUserId}`,
    action: "consent",
    outcome: "started",
    leafUserId: viewer.leafUserId,
    provider: provider.id,
    correlationId,
  });
  const target = authorizeUrl(provider, settings, {
    redirectUri: redirectUriFor(config().appUrl, provider),
    state,
    codeChallenge,
  });
  return NextResponse.redirect(target, 303);
}
