// The words staff pages show for each connection status, in English, read from the doctor's catalog
// (messages/en/doctor.json) so there is one source; grower pages translate them through the catalog.
import type { ConnectionStatus } from "@/lib/connections/status";
import en from "@/messages/en/doctor.json";

/** Contract: the words growers and staff see for each status. */
export const statusWords: Record<ConnectionStatus, string> = en.words;

/** The statuses as staff need them: what is wrong and how to get it fixed. No status sentence has a placeholder. */
export const staffStatusSentences = Object.fromEntries(
  Object.keys(en.words).map((status) => [status, en.cases[status as ConnectionStatus].staff]),
) as Record<ConnectionStatus, string>;
