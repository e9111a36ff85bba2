// The connection doctor: any trouble a grower or staff member meets becomes one plain sentence and one
// action, in the reader's language. Grower pages, the callback's failure pages and staff pages all ask here.
import type { ConnectionStatus } from "@/lib/connections/status";
import { type ActionKind, type Trouble, troubleRow } from "./cases";
import type { ConnectStep } from "./steps";

/** The catalog's `doctor` namespace, as next-intl's `getTranslations("doctor")` gives it. */
export type DoctorTranslate = (key: string, values?: Record<string, string | number>) => string;

export type Audience = "grower" | "staff";

export interface Situation {
  trouble: Trouble;
  provider: { id: string; name: string };
  audience: Audience;
  /** Staff actions lead to the grower's page. */
  leafUserId?: string;
  /** The provider's page where the grower chooses organizations (no_organizations). */
  managementUri?: string;
  /** Days until the token lapses (token_lapsing). */
  days?: number;
}

export interface DoctorAction {
  kind: ActionKind;
  label: string;
  /** Absent when the action happens outside Headland (asking the partner for a new link). */
  href?: string;
}

export interface Diagnosis {
  trouble: Trouble;
  title: string;
  sentence: string;
  /** Absent when there is nothing to do, which the sentence says. */
  action?: DoctorAction;
  /** Where the connect flow stopped or stands, for the stepper. */
  step?: ConnectStep;
}

function actionHref(kind: ActionKind, situation: Situation): string | undefined {
  const connect = `/api/connect/${encodeURIComponent(situation.provider.id)}`;
  const growerPage = situation.leafUserId ? `/growers/${encodeURIComponent(situation.leafUserId)}` : "/dashboard";
  switch (kind) {
    case "tryAgain":
    case "connect":
    case "reconnect":
      return connect;
    case "chooseOrganizations":
      // Without the provider's page at hand, connecting again passes through its organization step.
      return situation.managementUri ?? connect;
    case "backToConnections":
      return "/connections";
    case "askForInvite":
      return undefined;
    case "sendInvite":
    case "openGrower":
      return growerPage;
  }
}

/** The sentence and the action for one trouble, for one reader. */
export function diagnose(t: DoctorTranslate, situation: Situation): Diagnosis {
  const { trouble, provider, audience } = situation;
  const row = troubleRow(trouble);
  const values = { provider: provider.name, days: situation.days ?? 0 };
  const kind = row[audience];
  return {
    trouble,
    title: t(`cases.${trouble}.title`, values),
    sentence: t(`cases.${trouble}.${audience}`, values),
    action: kind && { kind, label: t(`actions.${kind}`, values), href: actionHref(kind, situation) },
    step: row.step,
  };
}

/**
 * The trouble a connection's standing shows: its status, told more precisely where Leaf's own word says
 * more (revoked or expired), or a token about to lapse while everything else is fine.
 */
export function troubleOf(connection: {
  status: ConnectionStatus;
  leafStatus?: string | null;
  lapse?: { nudge: boolean } | null;
}): Trouble {
  const { status } = connection;
  if (status === "reauth") {
    const word = connection.leafStatus?.trim().toUpperCase();
    if (word === "REVOKED") return "revoked";
    if (word === "EXPIRED") return "token_expired";
  }
  if (status === "ok" && connection.lapse?.nudge) return "token_lapsing";
  return status;
}
