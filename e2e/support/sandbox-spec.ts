import { providers } from "../../lib/providers/registry";
import { createCatalog } from "../../sandbox/catalog";

/**
 * The sandbox's view of each provider (paths, registered client), derived from the app's registry as the
 * sandbox does.
 */
const catalog = createCatalog(providers);
export const specOf = (provider: string) => catalog.spec(provider);
/** The sandbox Leaf's credential kind for a provider, as in `/_sandbox/leaf/seed`'s `credentials` keys. */
export function kindOf(provider: string): string {
  const kind = catalog.kinds.find((k) => k.provider === provider);
  if (!kind) throw new Error(`the sandbox has no credential kind for ${provider}`);
  return kind.id;
}
