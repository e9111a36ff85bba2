import "server-only";
import type { Provider } from "./types";
import { climateFieldView } from "./climate-fieldview";
import { johnDeere } from "./john-deere";
import { trimble } from "./trimble";

export type { Provider, ProviderSettings, TokenSet } from "./types";

/** The registry, in the order growers see them. A new provider is one file and one line here. */
export const providers: readonly Provider[] = [climateFieldView, johnDeere, trimble];

export type ProviderId = (typeof providers)[number]["id"];

export function findProvider(id: string): Provider | undefined {
  return providers.find((p) => p.id === id);
}
