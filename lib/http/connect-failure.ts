import "server-only";
import { NextResponse } from "next/server";
import { audit } from "@/lib/audit";
import { ConnectError, connectErrorMessage } from "@/lib/connect/connect-error";
import { landingUrl } from "@/lib/connect/landing-url";
import { logger } from "@/lib/log";
import type { Provider } from "@/lib/providers";
import { plainPage } from "./plain-page";

/** The one place a failed attempt becomes a response: a 4xx page for a bad callback, else back to /connections. */
export async function connectFailure(
  error: unknown,
  provider: Provider,
  context: { leafUserId?: string; correlationId?: string; returnTo?: string },
): Promise<Response> {
  const failure =
    error instanceof ConnectError ? error : new ConnectError("exchange_failed", (error as Error)?.message);
  if (!(error instanceof ConnectError))
    logger.error({ err: error, provider: provider.id, ...context }, "connect flow failed unexpectedly");
  if (context.leafUserId) {
    await audit({
      actor: `grower:${context.leafUserId}`,
      action: "consent",
      outcome: failure.code,
      provider: provider.id,
      leafUserId: context.leafUserId,
      correlationId: context.correlationId,
      detail: failure.message,
    });
  } else {
    // A callback that matches no transaction belongs to nobody: a log line, not a row anyone can make us write.
    logger.info({ provider: provider.id, outcome: failure.code }, "callback refused");
  }
  if (failure.refusedWith) {
    const words = connectErrorMessage(failure.code, provider.name);
    return plainPage(failure.refusedWith, {
      ...words,
      action: { label: "Back to your connections", href: "/connections" },
    });
  }
  return NextResponse.redirect(
    landingUrl(context.returnTo ?? "/connections", { error: failure.code, provider: provider.id }),
    303,
  );
}
