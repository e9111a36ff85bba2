import "server-only";
import { type CardTrouble, type CardWords, cardTroubles, type ListWords } from "@/components/connect/card-words";
import type { FailedFlow } from "@/components/connect-outcome";
import type { DisconnectWords } from "@/components/disconnect-button";
import type { ConnectErrorCode } from "@/lib/connect/connect-error";
import { connectionStatuses } from "@/lib/connections/status";
import { type DoctorTranslate, diagnose, stepperWords, stepsFor } from "@/lib/doctor";
import type { Provider } from "@/lib/providers";

type Translate = (key: string, values?: Record<string, string>) => string;

/** Every word the live list may need, for every provider and every trouble a card can show. */
export function listWords(
  doctor: DoctorTranslate,
  connections: Translate,
  providers: readonly Provider[],
  daysLeft: (providerId: string) => number | undefined,
): ListWords {
  return {
    statusWords: Object.fromEntries(
      connectionStatuses.map((s) => [s, doctor(`words.${s}`)]),
    ) as ListWords["statusWords"],
    providers: providers.map((provider): CardWords => {
      const name = { id: provider.id, name: provider.name };
      const diagnoses = Object.fromEntries(
        cardTroubles.map((trouble) => {
          const { sentence, action } = diagnose(doctor, {
            trouble,
            provider: name,
            audience: "grower",
            days: daysLeft(provider.id),
          });
          return [trouble, { sentence, ...(action ? { action } : {}) }];
        }),
      ) as CardWords["diagnoses"];
      return {
        ...name,
        steps: stepsFor(provider),
        stepper: stepperWords(doctor, provider.name),
        diagnoses,
        reconnect: doctor("actions.reconnect", { provider: provider.name }),
        thanks: connections("thanks", { provider: provider.name }),
        linked: connections("linked", { provider: provider.name }),
        disconnect: disconnectWords(connections, provider.name),
      };
    }),
  };
}

function disconnectWords(t: Translate, name: string): DisconnectWords {
  const values = { provider: name };
  return {
    disconnect: t("disconnect.button", values),
    confirmLabel: t("disconnect.confirmLabel", values),
    question: t("disconnect.question", values),
    yes: t("disconnect.yes"),
    busy: t("disconnect.busy"),
    cancel: t("disconnect.cancel"),
  };
}

/** The alert for a flow that came back failed: the doctor's words and the step where it stopped. */
export function failedFlow(doctor: DoctorTranslate, code: ConnectErrorCode, provider: Provider): FailedFlow {
  const diagnosis = diagnose(doctor, { trouble: code, provider, audience: "grower" });
  return {
    title: diagnosis.title,
    sentence: diagnosis.sentence,
    action: diagnosis.action,
    stepper: stepperWords(doctor, provider.name),
    steps: stepsFor(provider),
    stoppedAt: diagnosis.step,
  };
}

export type { CardTrouble };
