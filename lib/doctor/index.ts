export { type ActionKind, allTroubles, extraTroubles, type Trouble } from "./cases";
export {
  type Audience,
  type Diagnosis,
  type DoctorAction,
  type DoctorTranslate,
  diagnose,
  troubleOf,
} from "./diagnose";
export { type ConnectStep, connectSteps, type StepperWords, stepperWords, stepStates, stepsFor } from "./steps";
