import type { ConnectStep, StepperWords } from "@/lib/doctor";
import { Stepper } from "./connect/stepper";

export interface FailedFlow {
  title: string;
  sentence: string;
  action?: { label: string; href?: string };
  stepper: StepperWords;
  steps: ConnectStep[];
  /** Where the flow stopped. */
  stoppedAt?: ConnectStep;
}

/** A consent flow the grower just came back from that failed: the doctor's words and where it stopped. */
export function ConnectOutcome({ failed }: { failed?: FailedFlow }) {
  if (!failed) return null;
  const { stoppedAt } = failed;
  return (
    <div role="alert" className="mt-6 rounded-lg border border-red-200 bg-red-50 p-4">
      <p className="font-medium text-red-900">{failed.title}</p>
      <p className="mt-1 text-red-800">{failed.sentence}</p>
      {stoppedAt && failed.steps.includes(stoppedAt) && (
        <div className="mt-3">
          <Stepper
            words={failed.stepper}
            states={failed.steps.map((step, i) => {
              const at = failed.steps.indexOf(stoppedAt);
              return { step, state: i < at ? "done" : i === at ? "failed" : "todo" };
            })}
          />
        </div>
      )}
      {failed.action?.href && (
        <a
          href={failed.action.href}
          className="mt-3 inline-block rounded-lg bg-red-800 px-3 py-1.5 text-sm font-medium text-white"
        >
          {failed.action.label}
        </a>
      )}
    </div>
  );
}
