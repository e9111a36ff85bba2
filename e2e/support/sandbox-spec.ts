import { providers } from "../../lib/providers/registry";
import { createCatalog } from "../../sandbox/catalog";

/** The sandbox's view of each provider (paths, registered client), derived from the app's registry as the sandbox does. */
const catalog = createCatalog(providers);
export const specOf = (provider: string) => catalog.spec(provider);
