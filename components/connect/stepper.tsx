import type { ConnectStep, StepperWords } from "@/lib/doctor";

interface Props {
  words: StepperWords;
  states: { step: ConnectStep; state: "done" | "current" | "failed" | "todo" }[];
}

const marks = { done: "✓", current: "", failed: "!", todo: "" };
const tones = {
  done: "bg-field text-white",
  current: "bg-sky-700 text-white",
  failed: "bg-red-700 text-white",
  todo: "bg-stone-200 text-stone-700",
};

/**
 * Where a connect flow stands: one numbered step each, the one it is at (or stopped at) marked with
 * aria-current="step". Plain markup without state, so server pages and the live list share it.
 */
export function Stepper({ words, states }: Props) {
  return (
    <ol aria-label={words.label} className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
      {states.map(({ step, state }, i) => (
        <li
          key={step}
          aria-current={state === "current" || state === "failed" ? "step" : undefined}
          className={`flex items-center gap-1.5 ${state === "todo" ? "text-stone-500" : "text-stone-900"} ${
            state === "current" || state === "failed" ? "font-medium" : ""
          }`}
        >
          <span
            aria-hidden="true"
            className={`inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs ${tones[state]}`}
          >
            {marks[state] || (step === "done" ? "" : i + 1)}
          </span>
          <span>
            {words.steps[step]}
            {state === "failed" && <span className="text-red-800"> ({words.failed})</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
