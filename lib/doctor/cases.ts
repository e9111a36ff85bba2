// Every trouble a grower or staff member can meet with a connection, one row each: where in the connect
// flow it happens and the one thing to do about it, for each audience. The words are in the catalog
// (messages/<locale>/doctor.json, `cases.<trouble>`), keyed by the same names.
import type { ConnectErrorCode } from "@/lib/connect/connect-error";
import type { ConnectionStatus } from "@/lib/connections/status";
import type { ConnectStep } from "./steps";

/** What a person can be sent to do. Where each goes is decided in diagnose.ts. */
export type ActionKind =
  | "tryAgain"
  | "connect"
  | "reconnect"
  | "backToConnections"
  | "chooseOrganizations"
  | "askForInvite"
  | "sendInvite"
  | "openGrower";

/** Troubles beyond the connect codes and the statuses: refinements of them, or met outside the connect flow. */
export const extraTroubles = ["invite_expired", "revoked", "token_expired", "leaf_slow", "token_lapsing"] as const;

export type Trouble = ConnectErrorCode | ConnectionStatus | (typeof extraTroubles)[number];

interface Row {
  /** Where the flow stopped (or stands), for the stepper; none for troubles met outside a connect flow. */
  step?: ConnectStep;
  /** No action means the sentence says there is nothing to do. */
  grower?: ActionKind;
  staff?: ActionKind;
}

const signInFailed: Row = { step: "signIn", grower: "tryAgain", staff: "sendInvite" };
const refused: Row = { step: "signIn", grower: "backToConnections", staff: "openGrower" };
const needsReconnect: Row = { grower: "reconnect", staff: "sendInvite" };

export const troubles = {
  access_denied: signInFailed,
  authorize_failed: signInFailed,
  missing_state: refused,
  link_expired: refused,
  mismatch: refused,
  signed_out: { step: "signIn", grower: "backToConnections", staff: "sendInvite" },
  exchange_failed: signInFailed,
  bad_token_response: { ...signInFailed, staff: "openGrower" },
  no_refresh_token: signInFailed,
  provider_unavailable: { ...signInFailed, staff: "openGrower" },
  leaf_rejected: { step: "saving", grower: "tryAgain", staff: "openGrower" },
  not_connected: { grower: "connect", staff: "sendInvite" },
  pending: { step: "saving" },
  processing: { step: "saving" },
  ok: { step: "done" },
  reauth: needsReconnect,
  revoked: needsReconnect,
  token_expired: needsReconnect,
  missing_permission: needsReconnect,
  no_organizations: { step: "organizations", grower: "chooseOrganizations", staff: "sendInvite" },
  unavailable: {},
  error: { step: "saving", grower: "reconnect", staff: "openGrower" },
  invite_expired: { grower: "askForInvite", staff: "sendInvite" },
  leaf_slow: { step: "saving" },
  token_lapsing: needsReconnect,
} satisfies Record<Trouble, Row>;

export const allTroubles = Object.keys(troubles) as Trouble[];

export function troubleRow(trouble: Trouble): Row {
  return troubles[trouble];
}
