import type { Catalog } from "./catalog";
import { Clock } from "./clock";
import { FaultList } from "./faults";
import { AlertCenter } from "./leaf/alerts";
import { CredentialStore } from "./leaf/credentials";
import { LeafSessions } from "./leaf/sessions";
import { UserDirectory } from "./leaf/users";
import { ProviderStore } from "./providers/grants";

/**
 * Everything one sandbox instance remembers. In memory; with a data directory (`npm start`) it is also saved
 * to disk (sandbox/state-file.ts). `/_sandbox/reset` starts a fresh one.
 */
export interface State {
  catalog: Catalog;
  clock: Clock;
  /** Every secret this instance issued or knows, so tests can scan pages and logs for leaks. */
  issued: Set<string>;
  calls: Map<string, number>;
  faults: FaultList;
  providers: ProviderStore;
  leaf: { sessions: LeafSessions; users: UserDirectory; credentials: CredentialStore; alerts: AlertCenter };
}

function knownSecrets(catalog: Catalog): Set<string> {
  const secrets = new Set<string>();
  for (const { client } of catalog.specs) {
    secrets.add(client.clientSecret);
    for (const secret of Object.values(client.secrets)) secrets.add(secret);
  }
  return secrets;
}

/**
 * `alertRetryUnitMs`: how long one of Leaf's retry minutes lasts here (see AlertCenter). `onChange`: told when
 * a credential changes outside a request (validation runs on a timer), so a saved state follows it.
 */
export function createState(catalog: Catalog, alertRetryUnitMs = 1000, onChange?: () => void): State {
  const clock = new Clock();
  const issued = knownSecrets(catalog);
  const alerts = new AlertCenter(alertRetryUnitMs, issued);
  return {
    catalog,
    clock,
    issued,
    calls: new Map(),
    faults: new FaultList(),
    providers: new ProviderStore(clock, issued),
    leaf: {
      sessions: new LeafSessions(clock, issued),
      users: new UserDirectory(),
      credentials: new CredentialStore(
        (credential, message) => alerts.credentialChanged(credential, message),
        onChange,
      ),
      alerts,
    },
  };
}

/** Stops background work (credential processing) so a discarded state does nothing more. */
export function disposeState(state: State): void {
  state.leaf.credentials.dispose();
  state.leaf.alerts.dispose();
}

export function countCall(state: State, name: string): void {
  state.calls.set(name, (state.calls.get(name) ?? 0) + 1);
}
