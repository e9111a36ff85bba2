import { sandboxClients } from "./accounts";
import { Clock } from "./clock";
import { FaultList } from "./faults";
import { CredentialStore } from "./leaf/credentials";
import { LeafSessions } from "./leaf/sessions";
import { UserDirectory } from "./leaf/users";
import { ProviderStore } from "./providers/grants";

/** Everything one sandbox instance remembers. All in memory; `/_sandbox/reset` starts a fresh one. */
export interface State {
  clock: Clock;
  /** Every secret this instance issued or knows, so tests can scan pages and logs for leaks. */
  issued: Set<string>;
  calls: Map<string, number>;
  faults: FaultList;
  providers: ProviderStore;
  leaf: { sessions: LeafSessions; users: UserDirectory; credentials: CredentialStore };
}

function knownSecrets(): Set<string> {
  const secrets = new Set<string>();
  for (const client of Object.values(sandboxClients)) {
    secrets.add(client.clientSecret);
    if ("apiKey" in client) secrets.add(client.apiKey);
  }
  return secrets;
}

export function createState(): State {
  const clock = new Clock();
  const issued = knownSecrets();
  return {
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
