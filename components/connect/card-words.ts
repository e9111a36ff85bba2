import type { DisconnectWords } from "@/components/disconnect-button";
import type { ConnectionStatus } from "@/lib/connections/status";
import type { ActionKind, ConnectStep, StepperWords, Trouble } from "@/lib/doctor";

/** The troubles a connection card can show by itself (the rest belong to a flow that just ended). */
export const cardTroubles = [
  "not_connected",
  "pending",
  "processing",
  "ok",
  "reauth",
  "revoked",
  "token_expired",
  "missing_permission",
  "no_organizations",
  "unavailable",
  "error",
  "leaf_slow",
  "token_lapsing",
] as const satisfies readonly Trouble[];
export type CardTrouble = (typeof cardTroubles)[number];

/** One provider's card, every word already in the grower's language (the browser gets words, not a catalog). */
export interface CardWords {
  id: string;
  name: string;
  steps: ConnectStep[];
  stepper: StepperWords;
  diagnoses: Record<CardTrouble, { sentence: string; action?: { kind: ActionKind; label: string; href?: string } }>;
  reconnect: string;
  disconnect: DisconnectWords;
  /** "Thanks! NAME is linked…", shown while a just-connected credential settles. */
  thanks: string;
  /** "Thanks! NAME is linked.", for a credential already working when the grower lands. */
  linked: string;
}

export interface ListWords {
  statusWords: Record<ConnectionStatus, string>;
  providers: CardWords[];
}
