import { randomUUID } from "node:crypto";

/** One entry of a credential's log, as Leaf's `/events` returns it. Bodies are fixed texts: never a secret. */
export interface LeafEvent {
  id: string;
  body: string;
  headers: string;
  statusCode: number;
  createdDate: string;
}

/** Leaf's `yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'`: ISO 8601 with microseconds. */
export function leafTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000Z`;
}

export function leafEvent(statusCode: number, body: Record<string, string>, now: number): LeafEvent {
  return {
    id: randomUUID(),
    body: JSON.stringify(body),
    headers: JSON.stringify({ "Content-Type": "application/json" }),
    statusCode,
    createdDate: leafTimestamp(now),
  };
}
