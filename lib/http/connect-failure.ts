import "server-only";
import { NextResponse } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { audit } from "@/lib/audit";
import { ConnectError } from "@/lib/connect/connect-error";
import { landingUrl } from "@/lib/connect/landing-url";
import { diagnose, stepperWords, stepStates, stepsFor } from "@/lib/doctor";
import { asDoctorTranslate } from "@/lib/doctor/english";
import { logger } from "@/lib/log";
import type { Provider } from "@/lib/providers";
import { type PlainPage, plainPage } from "./plain-page";

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
  if (failure.refusedWith) return plainPage(failure.refusedWith, await refusalPage(failure, provider));
  return NextResponse.redirect(
    landingUrl(context.returnTo ?? "/connections", { error: failure.code, provider: provider.id }),
    303,
  );
}

/** The doctor's words for a refused callback, in the reader's language, with the step where the flow stopped. */
async function refusalPage(failure: ConnectError, provider: Provider): Promise<PlainPage> {
  const [t, lang] = await Promise.all([getTranslations("doctor"), getLocale()]);
  const doctor = asDoctorTranslate(t);
  const diagnosis = diagnose(doctor, { trouble: failure.code, provider, audience: "grower" });
  const steps = stepsFor(provider);
  const words = stepperWords(doctor, provider.name);
  return {
    title: diagnosis.title,
    sentence: diagnosis.sentence,
    action: diagnosis.action?.href ? { label: diagnosis.action.label, href: diagnosis.action.href } : undefined,
    steps: diagnosis.step && {
      label: words.label,
      failed: words.failed,
      items: stepStates(steps, diagnosis.step, true).map(({ step, state }) => ({ label: words.steps[step], state })),
    },
    lang,
  };
}
