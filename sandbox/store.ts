import type { Catalog } from "./catalog";
import { Clock } from "./clock";
import { FaultList } from "./faults";
import { CredentialStore } from "./leaf/credentials";
import { LeafSessions } from "./leaf/sessions";
import { UserDirectory } from "./leaf/users";
import { ProviderStore } from "./providers/grants";

/** Everything one sandbox instance remembers. All in memory; `/_sandbox/reset` starts a fresh one. */
export interface State {
  catalog: Catalog;
  clock: Clock;
  /** Every secret this instance issued or knows, so tests can scan pages and logs for leaks. */
  issued: Set<string>;
  calls: Map<string, number>;
  faults: FaultList;
  providers: ProviderStore;
  leaf: { sessions: LeafSessions; users: UserDirectory; credentials: CredentialStore };
}

function knownSecrets(catalog: Catalog): Set<string> {
  const secrets = new Set<string>();
  for (const { client } of catalog.specs) {
    secrets.add(client.clientSecret);
    for (const secret of Object.values(client.secrets)) secrets.add(secret);
  }
  return secrets;
}

export function createState(catalog: Catalog): State {
  const clock = new Clock();
  const issued = knownSecrets(catalog);
  return {
    catalog,
    clock,
    issued,
    calls: new Map(),
    faults: new FaultList(),
    providers: new ProviderStore(clock, issued),
    leaf: { sessions: new LeafSessions(clock, issued), users: new UserDirectory(), credentials: new CredentialStore() },
  };
}

/** Stops background work (credential processing) so a discarded state does nothing more. */
export function disposeState(state: State): void {
  state.leaf.credentials.dispose();
}

export function countCall(state: State, name: string): void {
  state.calls.set(name, (state.calls.get(name) ?? 0) + 1);
}
