import type { ConnectionStatus } from "@/lib/connections/status";
import type { Compiled } from "@/lib/i18n/sentence";
import type dashboard from "@/messages/en/dashboard.json";

/**
 * The parts of the dashboard catalog its client components show; the rest (title, chart, funnel, provider
 * health) is rendered on the server. The dashboard catalog is English only, so its shape is the English file's.
 */
export const dashboardClientKeys = [
  "search",
  "searchPlaceholder",
  "needsAttention",
  "status",
  "anyStatus",
  "sortBy",
  "sortName",
  "sortChanged",
  "noMatch",
  "noGrowers",
  "pages",
  "previousPage",
  "nextPage",
  "pageOf",
  "growerCount",
  "importDone",
  "table",
  "bulk",
  "groups",
  "summary",
  "updated",
  "alerts",
  "addGrower",
  "import",
] as const satisfies readonly (keyof typeof dashboard)[];

/** Every word the dashboard's browser side may need, compiled on the server (the browser gets no catalog). */
export type DashboardWords = Compiled<Pick<typeof dashboard, (typeof dashboardClientKeys)[number]>> & {
  /** The reader's locale, which plurals and numbers follow (the words themselves are English). */
  locale: string;
  /** The zone the server renders times in: the one the browser reported last time, or UTC (see LocalTime). */
  timeZone: string;
  /** Staff read the English status words (lib/wording/status-words). */
  statusWords: Record<ConnectionStatus, string>;
};
