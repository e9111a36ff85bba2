import "server-only";
import { providers } from "./registry";
import type { Provider } from "./types";

export { providers } from "./registry";
export type { Provider, ProviderSettings, TokenSet } from "./types";

export function findProvider(id: string): Provider | undefined {
  return providers.find((p) => p.id === id);
}
