import { createHmac, randomUUID } from "node:crypto";
import { z } from "zod";
import { Halt, json, noContent } from "../http";
import type { Route } from "../router";
import type { StoredCredential } from "./credentials";
import { leafTimestamp } from "./events";
import { badRequest, notFound, parseOrHalt, readJson } from "./problem";
import { leafRoute } from "./route";

export const WEBHOOKS = "/services/alerts/api/alerts/webhooks";

/** The credential events, by the status that fires them; other documented events are accepted, never sent. */
const eventForStatus: Record<string, string> = {
  UNAUTHENTICATED: "credentialsUnauthenticated",
  MISSING_PERMISSION: "credentialsLimitedPermission",
};
const otherEvents = ["fieldCreated", "fieldUpdated", "uploadedFileProcessed", "newSatelliteImage", "operationCreated"];
const knownEvents = [...Object.values(eventForStatus), ...otherEvents] as [string, ...string[]];

const newWebhook = z.strictObject({
  name: z.string({ error: "is required" }).trim().min(1, "must not be blank"),
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  secret: z.string({ error: "is required" }).min(1, "must not be blank"),
  events: z
    .array(z.enum(knownEvents, { error: "is not a known event" }), { error: "must be a list of events" })
    .min(1, "must name at least one event"),
});

export interface Webhook {
  id: string;
  name: string;
  url: string;
  secret: string;
  events: string[];
  createdTime: string;
}

/** One delivery as the sender tried it, for tests: every attempt's HTTP status or failure. */
export interface DeliveryLog {
  id: string;
  webhookId: string;
  type: string;
  attempts: { at: string; outcome: string }[];
  delivered: boolean;
}

/**
 * Leaf's webhooks and their sender. Leaf retries a failed delivery after 1, 30, 60 and 240 minutes; the
 * sandbox plays each minute as `retryUnitMs` (a second by default) so a test sees retries in seconds.
 */
export class AlertCenter {
  private readonly hooks = new Map<string, Webhook>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly aborts = new AbortController();
  readonly deliveries: DeliveryLog[] = [];

  constructor(
    private readonly retryUnitMs: number,
    private readonly issued: Set<string>,
  ) {}

  list(): Omit<Webhook, "secret">[] {
    return [...this.hooks.values()].map(({ secret: _secret, ...view }) => view);
  }

  add(input: z.output<typeof newWebhook>, now: number): Webhook {
    const taken = new Set([...this.hooks.values()].flatMap((h) => h.events));
    if (new Set(input.events).size !== input.events.length || input.events.some((e) => taken.has(e)))
      throw new Halt(badRequest("eventRegisteredTwice", { message: "error.eventRegisteredTwice" }));
    const hook = { id: randomUUID(), ...input, createdTime: leafTimestamp(now) };
    this.hooks.set(hook.id, hook);
    this.issued.add(hook.secret);
    return hook;
  }

  /** Webhooks with their secrets, for the saved state; deliveries in flight are not kept. */
  webhooks(): Webhook[] {
    return [...this.hooks.values()];
  }

  restore(hooks: Webhook[]): void {
    for (const hook of hooks) {
      this.hooks.set(hook.id, hook);
      this.issued.add(hook.secret);
    }
  }

  get = (id: string) => this.hooks.get(id);
  remove = (id: string) => this.hooks.delete(id);

  /** Called on every status change of a credential: sends the matching event to each webhook that asked. */
  credentialChanged(credential: StoredCredential, message: string): void {
    const type = eventForStatus[credential.status];
    if (!type) return;
    const body = JSON.stringify({
      type,
      provider: credential.kind.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
      credentialId: credential.id,
      credential: { id: credential.id, leafUserId: credential.userId, status: credential.status },
      status: credential.status,
      message,
      // Wall-clock time, not the sandbox's movable clock: the receiver compares it with its own.
      timestamp: leafTimestamp(Date.now()),
    });
    for (const hook of this.hooks.values()) {
      if (!hook.events.includes(type)) continue;
      const log: DeliveryLog = { id: randomUUID(), webhookId: hook.id, type, attempts: [], delivered: false };
      this.deliveries.push(log);
      void this.attempt(hook, body, log, 0);
    }
  }

  private async attempt(hook: Webhook, body: string, log: DeliveryLog, retry: number): Promise<void> {
    const outcome = await fetch(hook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-leaf-signature": createHmac("sha256", hook.secret).update(body).digest("base64"),
        "x-leaf-delivery-id": log.id,
      },
      body,
      redirect: "manual",
      signal: AbortSignal.any([this.aborts.signal, AbortSignal.timeout(10_000)]),
    }).then(
      (response) => String(response.status),
      (error: Error) => error.name,
    );
    if (this.aborts.signal.aborted) return;
    log.attempts.push({ at: new Date().toISOString(), outcome });
    log.delivered = /^2\d\d$/.test(outcome);
    const waitUnits = [1, 30, 60, 240][retry];
    if (log.delivered || waitUnits === undefined) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(hook, body, log, retry + 1);
    }, waitUnits * this.retryUnitMs);
    timer.unref();
    this.timers.add(timer);
  }

  /** Reset or close: pending retries and requests in flight are dropped. */
  dispose(): void {
    this.aborts.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

export const alertRoutes: Route[] = [
  leafRoute("POST", WEBHOOKS, async (req, { state }) => {
    const hook = state.leaf.alerts.add(parseOrHalt(newWebhook, await readJson(req)), state.clock.now());
    const { secret: _secret, ...view } = hook;
    return json(201, view, { location: `${WEBHOOKS}/${hook.id}` });
  }),
  leafRoute("GET", WEBHOOKS, (_req, { state }) => json(200, state.leaf.alerts.list())),
  leafRoute("GET", `${WEBHOOKS}/{id}`, (req, { state }) => {
    const hook = state.leaf.alerts.list().find((h) => h.id === req.params.id);
    return hook ? json(200, hook) : notFound(`No webhook with id ${req.params.id}`);
  }),
  leafRoute("DELETE", `${WEBHOOKS}/{id}`, (req, { state }) =>
    state.leaf.alerts.remove(req.params.id!) ? noContent() : notFound(`No webhook with id ${req.params.id}`),
  ),
];
