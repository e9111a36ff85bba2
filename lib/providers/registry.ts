import { climateFieldView } from "./climate-fieldview";
import { johnDeere } from "./john-deere";
import { trimble } from "./trimble";
import type { Provider } from "./types";

/**
 * The registry, in the order growers see them. A new provider is one file and one line here; the app,
 * the sandbox, seeding, tests and benchmarks all loop over this list.
 */
export const providers: readonly Provider[] = [climateFieldView, johnDeere, trimble];
