// The steps of a connect flow as a grower lives them, from the provider registry: sign in at the provider,
// choose organizations where the provider has them (Deere, Trimble), Headland saves it to Leaf, done.

export const connectSteps = ["signIn", "organizations", "saving", "done"] as const;
export type ConnectStep = (typeof connectSteps)[number];

/** Enough of a provider to know its steps; a registry entry fits (`leaf.organizations` names Leaf's). */
export interface StepsOf {
  leaf: { organizations?: string };
}

/** The steps this provider's flow has, in order. */
export function stepsFor(provider: StepsOf): ConnectStep[] {
  return connectSteps.filter((step) => step !== "organizations" || Boolean(provider.leaf.organizations));
}

/** Where each step stands when the flow is at (or stopped at) `at`. */
export function stepStates(
  steps: readonly ConnectStep[],
  at: ConnectStep,
  stopped = false,
): { step: ConnectStep; state: "done" | "current" | "failed" | "todo" }[] {
  const reached = steps.indexOf(at);
  return steps.map((step, i) => ({
    step,
    state: i < reached ? "done" : i > reached ? "todo" : stopped ? "failed" : "current",
  }));
}

/** The stepper's words in the reader's language. */
export interface StepperWords {
  /** The list's name, e.g. "Connecting John Deere". */
  label: string;
  steps: Record<ConnectStep, string>;
  /** Said after the step where a flow stopped. */
  failed: string;
}

export function stepperWords(t: (key: string, values?: Record<string, string>) => string, providerName: string) {
  const values = { provider: providerName };
  return {
    label: t("steps.label", values),
    steps: Object.fromEntries(connectSteps.map((step) => [step, t(`steps.${step}`, values)])) as Record<
      ConnectStep,
      string
    >,
    failed: t("steps.failed"),
  } satisfies StepperWords;
}
