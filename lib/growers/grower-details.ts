import "server-only";
import { eq } from "drizzle-orm";
import { type ConnectionView, readSnapshots } from "@/lib/connections/snapshots";
import { database } from "@/lib/db/client";
import { growers } from "@/lib/db/schema";
import { isLeafError, leaf } from "@/lib/leaf";
import { getCredentialEvents, getCredentials, type LeafCredential } from "@/lib/leaf/credentials";
import { maskSecrets } from "@/lib/leaf/mask";
import { getOrganizations, type LeafOrganization } from "@/lib/leaf/organizations";
import { deliveriesFor } from "@/lib/outbox/deliveries";
import { type Provider, providers } from "@/lib/providers";
import { summarizeEventBody } from "./event-summary";

export interface EventLine {
  id: string;
  at: string;
  statusCode: number | null;
  summary: string;
}

/** A token set Headland still holds for Leaf: waiting for a retry, or refused for good (staff may retry). */
export interface DeliveryView {
  state: "pending" | "failed";
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  /** Shown to staff beside the error; the same id is on every log line of this consent. */
  correlationId: string;
}

export interface ProviderDetails {
  provider: { id: string; name: string };
  /** The stored status: what the dashboard shows. */
  snapshot: ConnectionView;
  /** The credential as Leaf returns it, every secret masked; null when there is none. */
  credential: Record<string, unknown> | null;
  scopes: string[];
  events: EventLine[];
  /** The organizations the grower shares with the credential and the rest, by name; null without organizations. */
  organizations: { connected: OrganizationLine[]; notConnected: OrganizationLine[] } | null;
  /** Why Leaf could not be asked, when it could not. */
  leafProblem: string | null;
  delivery: DeliveryView | null;
}

const shownEvents = 25;

function scopesOf(credential: LeafCredential): string[] {
  const scopes = credential.scopes;
  if (!scopes) return [];
  return Array.isArray(scopes) ? scopes : scopes.split(/[\s,]+/).filter(Boolean);
}

export interface OrganizationLine {
  id: string;
  name: string;
}

const orgLine = (org: LeafOrganization): OrganizationLine => ({
  id: org.id,
  name: org.name || `Organization ${org.id}`,
});

async function organizationsOf(leafUserId: string, provider: Provider, hasCredential: boolean) {
  if (!provider.leaf.organizations || !hasCredential) return null;
  const found = await getOrganizations(leaf(), leafUserId, provider.leaf.organizations);
  return { connected: found?.connected.map(orgLine) ?? [], notConnected: found?.notConnected.map(orgLine) ?? [] };
}

async function providerDetails(
  leafUserId: string,
  provider: Provider,
  snapshot: ConnectionView,
  delivery: DeliveryView | null,
): Promise<ProviderDetails> {
  const base = { provider: { id: provider.id, name: provider.name }, snapshot, delivery };
  try {
    const [credential, events] = await Promise.all([
      getCredentials(leaf(), leafUserId, provider.leaf.path),
      getCredentialEvents(leaf(), leafUserId, provider.leaf.path),
    ]);
    const organizations = await organizationsOf(leafUserId, provider, !!credential);
    return {
      ...base,
      organizations,
      credential: credential ? (maskSecrets(credential) as Record<string, unknown>) : null,
      scopes: credential ? scopesOf(credential) : [],
      events: events.slice(0, shownEvents).map((e) => ({
        id: e.id,
        at: e.createdDate,
        statusCode: e.statusCode ?? null,
        summary: summarizeEventBody(e.body),
      })),
      leafProblem: null,
    };
  } catch (error) {
    if (!isLeafError(error)) throw error;
    return { ...base, credential: null, scopes: [], events: [], organizations: null, leafProblem: error.message };
  }
}

export async function findGrower(leafUserId: string) {
  const db = await database();
  const [grower] = await db.select().from(growers).where(eq(growers.leafUserId, leafUserId)).limit(1);
  return grower;
}

/** Each provider's stored status beside what Leaf holds now (masked) and its event log. */
export async function providerDetailsFor(leafUserId: string): Promise<ProviderDetails[]> {
  const [snapshots, waiting] = await Promise.all([
    readSnapshots([leafUserId]).then((m) => m.get(leafUserId) ?? []),
    deliveriesFor(leafUserId),
  ]);
  return Promise.all(
    providers.map((p) => {
      const delivery = waiting.find((d) => d.provider === p.id);
      const view: DeliveryView | null = delivery
        ? {
            state: delivery.state === "failed" ? "failed" : "pending",
            attempts: delivery.attempts,
            lastError: delivery.lastError,
            nextAttemptAt: delivery.nextAttemptAt.toISOString(),
            correlationId: delivery.correlationId,
          }
        : null;
      return providerDetails(leafUserId, p, snapshots.find((s) => s.provider === p.id)!, view);
    }),
  );
}
