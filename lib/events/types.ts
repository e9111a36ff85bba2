/** Every event Headland tells partners about, in the words of the partner API and webhooks. */
export const connectionEventTypes = [
  "connection.connected",
  "connection.broken",
  "connection.repaired",
  "connection.disconnected",
] as const;
export const eventTypes = [...connectionEventTypes, "grower.invite_opened"] as const;

export type ConnectionEventType = (typeof connectionEventTypes)[number];
export type EventType = (typeof eventTypes)[number];

export interface HeadlandEvent {
  id: number;
  at: Date;
  type: EventType;
  leafUserId: string;
  provider: string | null;
  status: string | null;
  previousStatus: string | null;
  /** Why a connection broke: Leaf's own word for it, or the check's error. */
  reason: string | null;
}
