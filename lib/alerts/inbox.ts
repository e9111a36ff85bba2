import "server-only";
import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { database } from "@/lib/db/client";
import { appState, leafAlerts } from "@/lib/db/schema";
import type { AlertsHealth } from "./health";

export type StoredAlert = typeof leafAlerts.$inferSelect;

/** After this many tries an alert is left for the sweep, which re-checks every connection anyway. */
export const maxAlertAttempts = 10;

const lastHeardKey = "leaf_alerts.last_heard";
const registrationKey = "leaf_alerts.registration";

/** Keeps a verified delivery; false when this id was stored before (a Leaf retry or a replay). */
export async function storeAlert(id: string, payload: unknown): Promise<boolean> {
  const db = await database();
  const rows = await db
    .insert(leafAlerts)
    .values({ id, payload })
    .onConflictDoNothing({ target: leafAlerts.id })
    .returning({ id: leafAlerts.id });
  return rows.length > 0;
}

/**
 * Takes alerts that are due, counting the attempt as it takes them. A row is due again 2^attempts - 1
 * seconds after it arrived, so a failing one backs off and a second taker (another instance, or the
 * worker racing the request's own after()) finds nothing to take.
 */
export async function claimDueAlerts(limit = 20): Promise<StoredAlert[]> {
  const db = await database();
  const due = db
    .select({ id: leafAlerts.id })
    .from(leafAlerts)
    .where(
      and(
        isNull(leafAlerts.processedAt),
        lt(leafAlerts.attempts, maxAlertAttempts),
        sql`${leafAlerts.receivedAt} + (power(2, ${leafAlerts.attempts}) - 1) * interval '1 second' <= now()`,
      ),
    )
    .orderBy(asc(leafAlerts.receivedAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(leafAlerts)
    .set({ attempts: sql`${leafAlerts.attempts} + 1` })
    .where(inArray(leafAlerts.id, due))
    .returning();
}

export async function markProcessed(id: string, note: string | null = null): Promise<void> {
  const db = await database();
  await db.update(leafAlerts).set({ processedAt: sql`now()`, lastError: note }).where(eq(leafAlerts.id, id));
}

export async function markFailed(id: string, reason: string): Promise<void> {
  const db = await database();
  await db
    .update(leafAlerts)
    .set({ lastError: reason.slice(0, 500) })
    .where(eq(leafAlerts.id, id));
}

async function putState(key: string, value: unknown): Promise<void> {
  const db = await database();
  await db
    .insert(appState)
    .values({ key, value })
    .onConflictDoUpdate({ target: appState.key, set: { value, updatedAt: sql`now()` } });
}

async function getState(key: string): Promise<{ value: unknown; updatedAt: Date } | undefined> {
  const db = await database();
  const [row] = await db.select().from(appState).where(eq(appState.key, key)).limit(1);
  return row;
}

/** Any signed delivery counts as hearing from Leaf, a repeated one too: it shows the path works. */
export const noteHeard = (): Promise<void> => putState(lastHeardKey, { at: new Date().toISOString() });

export const noteRegistration = (registration: { webhookId: string | null; url: string } | null): Promise<void> =>
  putState(registrationKey, registration);

export async function alertsHealth(): Promise<AlertsHealth> {
  const [registration, heard] = await Promise.all([getState(registrationKey), getState(lastHeardKey)]);
  return { registered: Boolean(registration?.value), lastHeardAt: heard ? heard.updatedAt.toISOString() : null };
}
