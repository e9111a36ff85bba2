import type { ConnectionStatus } from "@/lib/connections/status";
import type { ConnectionEventType } from "./types";

type Standing = "working" | "broken" | "settling" | "absent";

/** Statuses that stand for the same thing to a partner: a move inside one standing is not news. */
function standingOf(status: ConnectionStatus | null): Standing {
  switch (status) {
    case "ok":
      return "working";
    case "pending":
    case "processing":
      return "settling";
    case null:
    case "not_connected":
      return "absent";
    default:
      return "broken";
  }
}

/** Whether a write from `previous` to `next` might be an event; only then is the connection's history read. */
export function mayBeNews(previous: ConnectionStatus | null, next: ConnectionStatus): boolean {
  const to = standingOf(next);
  return to !== "settling" && to !== standingOf(previous);
}

/**
 * The event a status change makes, given the connection's last event. Settling states (a reconnect on its
 * way) are passed through: broken → pending → ok is a repair, and a reconnect that fails again while the
 * connection is still broken is not a second break.
 */
export function eventFor(
  previous: ConnectionStatus | null,
  next: ConnectionStatus,
  lastEvent: ConnectionEventType | null,
): ConnectionEventType | null {
  if (!mayBeNews(previous, next)) return null;
  const wasBroken = lastEvent === "connection.broken";
  switch (standingOf(next)) {
    case "working":
      return wasBroken ? "connection.repaired" : "connection.connected";
    case "broken":
      return wasBroken ? null : "connection.broken";
    case "absent":
      // Only a connection partners heard of can be disconnected; a first attempt that never landed is not news.
      return lastEvent === null || lastEvent === "connection.disconnected" ? null : "connection.disconnected";
    default:
      return null;
  }
}
