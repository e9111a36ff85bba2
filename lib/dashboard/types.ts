import type { AlertsHealth } from "@/lib/alerts/health";
import type { ConnectionStatus } from "@/lib/connections/status";
import type { StatusGroup } from "./status-groups";

// The dashboard's data as the page renders it and the JSON route returns it: plain, serializable.

export interface DashboardCell {
  provider: string;
  status: ConnectionStatus;
  /** When the status last changed (ISO), or null when never checked. */
  since: string | null;
}

export interface DashboardRow {
  leafUserId: string;
  name: string;
  email: string;
  cells: DashboardCell[];
  /** The most recent check of any of the grower's connections (ISO), or null. */
  lastChecked: string | null;
}

export type GroupCounts = Record<StatusGroup, number>;

export interface ProviderSummary {
  provider: string;
  name: string;
  counts: GroupCounts;
}

export interface DashboardData {
  rows: DashboardRow[];
  total: number;
  page: number;
  pageCount: number;
  summary: ProviderSummary[];
  /** Whether Leaf's alerts reach Headland; the sweep is the safety net either way. */
  leafAlerts: AlertsHealth;
  generatedAt: string;
}

export interface HistoryPoint {
  day: string;
  provider: string;
  counts: GroupCounts;
}
