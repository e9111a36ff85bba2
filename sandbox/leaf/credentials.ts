import { randomUUID } from "node:crypto";
import { type LeafEvent, leafEvent, leafTimestamp } from "./events";
import type { CredentialKind } from "./kinds";

export interface StoredCredential {
  id: string;
  userId: string;
  /** The credential kind's id, e.g. `john-deere`. */
  kind: string;
  status: string;
  createdTime: string;
  /** Exactly the JSON object that was POSTed. */
  posted: Record<string, string>;
  accessToken: string | null;
  /** The refresh token Leaf holds now; it differs from the posted one once Leaf has rotated it. */
  refreshToken: string;
  scopes: string[];
  /** The provider grant the refresh token belongs to, once Leaf has validated it. */
  grantId?: string;
  /** Whether status follows the provider grant on each read; a status forced by a test does not. */
  followsGrant: boolean;
  /** Oldest first. */
  events: LeafEvent[];
}

/** What Leaf's GET returns: secrets included, as real Leaf does (the app masks them). */
export function credentialView(c: StoredCredential): Record<string, unknown> {
  return {
    id: c.id,
    status: c.status,
    createdTime: c.createdTime,
    ...c.posted,
    accessToken: c.accessToken,
    refreshToken: c.refreshToken,
    scopes: c.scopes,
  };
}

const key = (userId: string, kind: string) => `${userId}/${kind}`;

/** Leaf's credentials, one per user and kind, each with its event log and pending validation. */
export class CredentialStore {
  private readonly byKey = new Map<string, StoredCredential>();
  private readonly pending = new Map<string, NodeJS.Timeout>();

  /** Told of every status change (Leaf's alerts listen here), with the event's message. */
  constructor(
    private readonly onStatusChange?: (credential: StoredCredential, message: string) => void,
    /** Told of every recorded change, including those made by timers (validation), so it can be saved. */
    private readonly onChange?: () => void,
  ) {}

  get(userId: string, kind: string): StoredCredential | undefined {
    return this.byKey.get(key(userId, kind));
  }

  /** A POST replaces whatever credential of this kind the user had, log included. */
  replace(userId: string, kind: CredentialKind, posted: Record<string, string>, now: number): StoredCredential {
    this.remove(userId, kind.id);
    const credential: StoredCredential = {
      id: randomUUID(),
      userId,
      kind: kind.id,
      status: "PROCESSING",
      createdTime: leafTimestamp(now),
      posted,
      accessToken: posted[kind.fieldFor.accessToken ?? ""] ?? null,
      refreshToken: posted[kind.fieldFor.refreshToken ?? ""]!,
      scopes: [],
      followsGrant: false,
      events: [leafEvent(201, { message: "Credentials received; validating" }, now)],
    };
    this.byKey.set(key(userId, kind.id), credential);
    return credential;
  }

  remove(userId: string, kind: string): boolean {
    const credential = this.get(userId, kind);
    if (!credential) return false;
    this.cancelValidation(credential);
    return this.byKey.delete(key(userId, kind));
  }

  removeUser(userId: string): void {
    for (const credential of [...this.byKey.values()])
      if (credential.userId === userId) this.remove(userId, credential.kind);
  }

  /** Every change of a credential goes through here, so each one leaves an event. */
  record(
    credential: StoredCredential,
    status: string,
    statusCode: number,
    body: Record<string, string>,
    now: number,
    announce = true,
  ): void {
    const changed = credential.status !== status;
    credential.status = status;
    credential.events.push(leafEvent(statusCode, body, now));
    this.onChange?.();
    if (changed && announce)
      this.onStatusChange?.(credential, body.message ?? body.error_description ?? body.error ?? status);
  }

  scheduleValidation(credential: StoredCredential, delayMs: number, validate: () => void): void {
    const timer = setTimeout(() => {
      this.pending.delete(credential.id);
      validate();
    }, delayMs);
    timer.unref();
    this.pending.set(credential.id, timer);
  }

  cancelValidation(credential: StoredCredential): void {
    clearTimeout(this.pending.get(credential.id));
    this.pending.delete(credential.id);
  }

  /** Every credential, and which of them still wait for validation, for the saved state. */
  all(): { credentials: StoredCredential[]; pendingIds: string[] } {
    return { credentials: [...this.byKey.values()], pendingIds: [...this.pending.keys()] };
  }

  restore(credentials: StoredCredential[]): void {
    for (const credential of credentials) this.byKey.set(key(credential.userId, credential.kind), credential);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
