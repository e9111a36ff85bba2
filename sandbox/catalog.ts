import type { Provider } from "@/lib/providers/types";
import { type CredentialKind, kindFrom } from "./leaf/kinds";
import { type ProviderSpec, specFrom } from "./providers/spec";

/** The providers one sandbox simulates, and the Leaf credential kinds that go with them. */
export interface Catalog {
  specs: readonly ProviderSpec[];
  kinds: readonly CredentialKind[];
  spec(id: string): ProviderSpec;
  kind(id: string): CredentialKind;
}

export function createCatalog(providers: readonly Provider[]): Catalog {
  const specs = providers.map(specFrom);
  const kinds = providers.map(kindFrom);
  const find = <T extends { id: string }>(list: readonly T[], id: string, what: string): T => {
    const found = list.find((item) => item.id === id);
    if (!found) throw new Error(`the sandbox has no ${what} ${id}`);
    return found;
  };
  return { specs, kinds, spec: (id) => find(specs, id, "provider"), kind: (id) => find(kinds, id, "credential kind") };
}
