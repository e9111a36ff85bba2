import type { SandboxProviderId } from "../accounts";
import { climateFieldView } from "./climate-fieldview";
import { johnDeere } from "./john-deere";
import type { ProviderSpec } from "./spec";
import { trimble } from "./trimble";

export const providerSpecs: readonly ProviderSpec[] = [climateFieldView, johnDeere, trimble];

export function specFor(id: SandboxProviderId): ProviderSpec {
  return providerSpecs.find((spec) => spec.id === id)!;
}
