import type { ProviderSettings } from "./types";

/** A provider option that settings resolution guarantees is present. */
export function option(settings: ProviderSettings, name: string): string {
  const value = settings.options[name];
  if (value === undefined) throw new Error(`provider option ${name} was not resolved`);
  return value;
}
