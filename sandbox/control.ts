import { z } from "zod";
import type { Catalog } from "./catalog";
import type { Sandbox } from "./context";
import { faultSpec } from "./faults";
import { Halt, type Incoming, json, mediaType, type Reply } from "./http";
import { credentialView, type StoredCredential } from "./leaf/credentials";
import type { CredentialKind } from "./leaf/kinds";
import { seedRequest, seedUsers } from "./leaf/seed";
import { forceStatus, revokeCredential, syncWithGrant } from "./leaf/validation";
import type { Handler, Route } from "./router";
import { createState, disposeState } from "./store";

// Control routes are for tests: no auth, plain JSON errors, never counted, never faulted.

const fail = (status: number, error: string): Halt => new Halt(json(status, { error }));

async function body<T extends z.ZodType>(req: Incoming, schema: T): Promise<z.output<T>> {
  if (mediaType(req.headers) !== "application/json") throw fail(415, "Content-Type must be application/json");
  const text = await req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw fail(400, "Malformed JSON");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fail(400, z.prettifyError(parsed.error));
  return parsed.data;
}

function credentialOf(req: Incoming, sandbox: Sandbox, kind: string): StoredCredential {
  const credential = sandbox.state.leaf.credentials.get(req.params.id!, kind);
  if (!credential) throw fail(404, `No ${kind} credentials for user ${req.params.id}`);
  return credential;
}

const route = (method: Route["method"], path: string, handle: Handler): Route => ({
  method,
  pattern: `/_sandbox${path}`,
  handle,
});
const ok = (value: unknown = { ok: true }): Reply => json(200, value);

function credentialControls({ id: kind }: CredentialKind): Route[] {
  const base = `/leaf/users/{id}/${kind}-credentials`;
  return [
    route("GET", base, (req, sandbox) => {
      const credential = credentialOf(req, sandbox, kind);
      syncWithGrant(sandbox.state, credential);
      return ok({
        ...credentialView(credential),
        postedBody: credential.posted,
        grantId: credential.grantId ?? null,
        events: credential.events,
      });
    }),
    route("POST", `${base}/revoke`, (req, sandbox) => {
      const credential = credentialOf(req, sandbox, kind);
      revokeCredential(sandbox.state, credential);
      return ok({ status: credential.status });
    }),
    route("POST", `${base}/status`, async (req, sandbox) => {
      const { status } = await body(req, z.strictObject({ status: z.string().min(1) }));
      const credential = credentialOf(req, sandbox, kind);
      forceStatus(sandbox.state, credential, status);
      return ok({ status: credential.status });
    }),
  ];
}

export const controlRoutes = (catalog: Catalog): Route[] => [
  route("GET", "/health", () => ok({ status: "ok" })),
  route("GET", "/calls", (_req, { state }) => ok(Object.fromEntries(state.calls))),
  route("POST", "/calls/reset", (_req, { state }) => {
    state.calls.clear();
    return ok();
  }),
  route("GET", "/faults", (_req, { state }) => ok(state.faults.list())),
  route("POST", "/faults", async (req, sandbox) =>
    json(201, { id: sandbox.state.faults.add(await body(req, faultSpec(sandbox.catalog))).id }),
  ),
  route("DELETE", "/faults", (_req, { state }) => {
    state.faults.clear();
    return ok();
  }),
  route("POST", "/leaf/expire-tokens", (_req, { state }) => {
    state.leaf.sessions.expireAll();
    return ok();
  }),
  route("POST", "/leaf/token-ttl", async (req, { state }) => {
    const { seconds } = await body(req, z.strictObject({ seconds: z.number().int().positive() }));
    state.leaf.sessions.ttlOverrideSeconds = seconds;
    return ok({ seconds });
  }),
  ...catalog.kinds.flatMap(credentialControls),
  // Users with credentials already in a given status, up to 1,000 a request, for scale runs.
  route("POST", "/leaf/seed", async (req, sandbox) =>
    json(201, { ids: seedUsers(sandbox.state, await body(req, seedRequest(sandbox.catalog))) }),
  ),
  route("GET", "/issued", (_req, { state }) => ok({ secrets: [...state.issued] })),
  // Every alert the sandbox's Leaf sent, with each attempt's outcome, so a test can see a retry land.
  route("GET", "/leaf/alerts/deliveries", (_req, { state }) => ok(state.leaf.alerts.deliveries)),
  // What the provider issued under a grant, so a test checks Leaf's copy against it rather than against itself.
  route("GET", "/grants/{grantId}", (req, { state }) => {
    const grant = state.providers.grants.get(req.params.grantId!);
    if (!grant) throw fail(404, `No grant ${req.params.grantId}`);
    return ok({ provider: grant.provider, refreshTokens: state.providers.refreshTokensOf(grant.id) });
  }),
  // Moves the sandbox's clock forward, to expire codes and tokens without waiting.
  route("POST", "/clock/advance", async (req, { state }) => {
    const { seconds } = await body(req, z.strictObject({ seconds: z.number().positive() }));
    state.clock.advance(seconds);
    return ok({ now: new Date(state.clock.now()).toISOString() });
  }),
  route("POST", "/reset", (_req, sandbox) => {
    disposeState(sandbox.state);
    sandbox.state = createState(sandbox.catalog, sandbox.alertRetryUnitMs, sandbox.changed);
    sandbox.mailbox.clear();
    return ok();
  }),
];
