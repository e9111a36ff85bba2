import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const staffRoles = ["admin", "member"] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staff = pgTable("staff", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  /** Null until the member sets one (an invited member), or for members who only use single sign-on. */
  passwordHash: text("password_hash"),
  /** admin manages staff and settings; member works with growers and connections. */
  role: text("role", { enum: staffRoles }).notNull().default("member"),
  createdAt: createdAt(),
});

/** A link that lets one person become a staff member: single use, short-lived. */
export const staffInvites = pgTable(
  "staff_invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    role: text("role", { enum: staffRoles }).notNull().default("member"),
    invitedBy: text("invited_by").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("staff_invites_email_idx").on(t.email)],
);

export const growers = pgTable(
  "growers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    leafUserId: text("leaf_user_id").notNull().unique(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    /** The partner's own id for the grower, set through the partner API (migration 0007). */
    externalId: text("external_id").unique(),
    createdAt: createdAt(),
  },
  (t) => [
    // The dashboard pages through growers by name, case-insensitively.
    index("growers_name_idx").on(sql`lower(${t.name})`, t.id),
    // "Search growers" matches any part of the name, email or Leaf user id (pg_trgm and the function: migration 0002).
    index("growers_search_idx").using(
      "gin",
      sql`grower_search_text(${t.name}, ${t.email}, ${t.leafUserId}) gin_trgm_ops`,
    ),
  ],
);

export const invites = pgTable(
  "invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    growerId: uuid("grower_id")
      .notNull()
      .references(() => growers.id, { onDelete: "cascade" }),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** A link is not a bearer pass: it signs in at most this many times (staff choose 1-10). */
    maxUses: integer("max_uses").notNull().default(3),
    uses: integer("uses").notNull().default(0),
  },
  (t) => [index("invites_grower_idx").on(t.growerId)],
);

/** Each time an invite signed someone in, for staff to see; a coarse client hint, no address. */
export const inviteUses = pgTable(
  "invite_uses",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    inviteId: uuid("invite_id")
      .notNull()
      .references(() => invites.id, { onDelete: "cascade" }),
    usedAt: timestamp("used_at", { withTimezone: true }).notNull().defaultNow(),
    client: text("client").notNull(),
  },
  (t) => [index("invite_uses_invite_idx").on(t.inviteId, t.usedAt)],
);

/**
 * One row per sign-in, keyed by the `sid` in the session JWT: the server's say over a token it cannot
 * recall. Every request reads its row by primary key; ending a session sets ended_at.
 */
export const sessions = pgTable(
  "sessions",
  {
    sid: uuid("sid").primaryKey(),
    role: text("role").notNull(),
    staffEmail: text("staff_email"),
    leafUserId: text("leaf_user_id"),
    createdAt: createdAt(),
    /** Absolute: refreshing the cookie never moves it. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    index("sessions_grower_idx").on(t.leafUserId),
    index("sessions_staff_idx").on(t.staffEmail),
    index("sessions_expires_idx").on(t.expiresAt),
  ],
);

/** One consent attempt. The state is stored hashed: a leaked table cannot complete anyone's flow. */
export const oauthTransactions = pgTable(
  "oauth_transactions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    stateHash: text("state_hash").notNull().unique(),
    provider: text("provider").notNull(),
    leafUserId: text("leaf_user_id").notNull(),
    sessionId: text("session_id").notNull(),
    codeVerifier: text("code_verifier"),
    correlationId: text("correlation_id").notNull(),
    /** A same-origin path to land on afterwards; validated before it is stored. */
    returnTo: text("return_to").notNull().default("/connections"),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
  },
  (t) => [index("oauth_transactions_expires_idx").on(t.expiresAt)],
);

/** Token sets on their way to Leaf, encrypted; deleted as soon as Leaf accepts. */
export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey(),
    leafUserId: text("leaf_user_id").notNull(),
    provider: text("provider").notNull(),
    keyId: text("key_id").notNull(),
    sealed: text("sealed").notNull(),
    state: text("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    correlationId: text("correlation_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("deliveries_due_idx").on(t.state, t.nextAttemptAt),
    index("deliveries_user_idx").on(t.leafUserId, t.provider),
  ],
);

/** The last known status of each grower's connection, so pages never wait on Leaf. */
export const connectionSnapshots = pgTable(
  "connection_snapshots",
  {
    leafUserId: text("leaf_user_id").notNull(),
    provider: text("provider").notNull(),
    status: text("status").notNull(),
    leafStatus: text("leaf_status"),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
    checkError: text("check_error"),
    /** The status before the last write: with `status`, the transition that write made (lib/events). */
    previousStatus: text("previous_status"),
  },
  (t) => [
    primaryKey({ columns: [t.leafUserId, t.provider] }),
    index("snapshots_checked_idx").on(t.checkedAt),
    // The dashboard's status filter: growers having some connection in a given status.
    index("snapshots_status_idx").on(t.status, t.leafUserId),
  ],
);

/** How many connections were connected, needed attention or were not connected, per day and provider. */
export const statusHistory = pgTable(
  "status_history",
  {
    day: date("day", { mode: "string" }).notNull(),
    provider: text("provider").notNull(),
    connected: integer("connected").notNull(),
    attention: integer("attention").notNull(),
    notConnected: integer("not_connected").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.day, t.provider] })],
);

/** Who may run a background job now; an expired lease is free, so a crashed holder never blocks it. */
export const jobLeases = pgTable("job_leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().default(sql`now()`),
    actor: text("actor").notNull(),
    leafUserId: text("leaf_user_id"),
    provider: text("provider"),
    action: text("action").notNull(),
    outcome: text("outcome").notNull(),
    detail: text("detail"),
    correlationId: text("correlation_id"),
  },
  (t) => [index("audit_user_idx").on(t.leafUserId, t.at)],
);

/** Fixed-window counters shared by every instance (sign-in attempts per email and per address). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});

/**
 * Leaf alert deliveries (webhooks), stored before they are answered so Leaf's retries and a crash lose
 * nothing; the id is Leaf's own, so a delivery seen twice is stored once.
 */
export const leafAlerts = pgTable(
  "leaf_alerts",
  {
    id: text("id").primaryKey(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb("payload").notNull(),
    attempts: integer("attempts").notNull().default(0),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    lastError: text("last_error"),
  },
  (t) => [index("leaf_alerts_pending_idx").on(t.processedAt, t.receivedAt)],
);

/** Small facts the instances share: when Leaf's webhook was registered and last heard from. */
export const appState = pgTable("app_state", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What happened to growers' connections, in order: the partner API's `GET /events`, webhooks out and the
 * provider health panel all read it. Written where a status really changes (lib/events/record.ts).
 */
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    type: text("type").notNull(),
    leafUserId: text("leaf_user_id").notNull(),
    provider: text("provider"),
    status: text("status"),
    previousStatus: text("previous_status"),
    reason: text("reason"),
  },
  (t) => [
    index("events_at_idx").on(t.at),
    index("events_user_idx").on(t.leafUserId, t.provider, t.id),
    index("events_type_at_idx").on(t.type, t.at),
  ],
);

// --- Webhooks out (lib/webhooks, migration 0008) ---

/** A partner's receiver: the event types it hears, and its signing secret, sealed (shown once, at creation). */
export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: uuid("id").primaryKey().defaultRandom(),
  url: text("url").notNull(),
  eventTypes: text("event_types").array().notNull(),
  keyId: text("key_id").notNull(),
  sealedSecret: text("sealed_secret").notNull(),
  /** The secret's last four characters, so staff can tell which one a receiver holds. */
  secretHint: text("secret_hint").notNull(),
  enabled: boolean("enabled").notNull().default(true),
  createdBy: text("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One event for one endpoint: written in the same statement as the event (lib/events/record.ts), so none
 * is lost; sent in id order per grower and endpoint.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventId: bigint("event_id", { mode: "number" })
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    leafUserId: text("leaf_user_id").notNull(),
    /** pending (due at nextAttemptAt), delivered, or failed (given up after a day). */
    state: text("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    /** When it was queued, or queued again by "Send again": its day of retries counts from here. */
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.state, t.nextAttemptAt),
    index("webhook_deliveries_order_idx").on(t.endpointId, t.leafUserId, t.id),
    index("webhook_deliveries_log_idx").on(t.endpointId, t.id),
  ],
);

// --- Partner API (lib/api, migration 0007) ---

export const apiKeyScopes = ["read", "write"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** A key a partner's systems call /api/v1 with: only its SHA-256 is kept, the key itself is shown once. */
export const apiKeys = pgTable("api_keys", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  scope: text("scope", { enum: apiKeyScopes }).notNull(),
  keyHash: text("key_hash").notNull().unique(),
  /** Not secret: the key's kind and last four characters, so staff can tell which one a system holds. */
  hint: text("hint").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: createdAt(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

/**
 * A POST sent with an Idempotency-Key: claimed before the work starts (a retry racing the first call waits
 * its turn instead of creating a second grower), answered from here afterwards.
 */
export const apiIdempotency = pgTable(
  "api_idempotency",
  {
    keyId: uuid("key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    requestHash: text("request_hash").notNull(),
    /** Null while the first request is still running. */
    status: integer("status"),
    response: jsonb("response"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.idempotencyKey] }), index("api_idempotency_created_idx").on(t.createdAt)],
);

// --- Grower language (lib/i18n/grower-locale.ts, migration 0009) ---

/** The language a grower reads Headland in, so the emails sent to them later (a new invite) are in it too. */
export const growerLocales = pgTable("grower_locales", {
  leafUserId: text("leaf_user_id")
    .primaryKey()
    .references(() => growers.leafUserId, { onDelete: "cascade" }),
  locale: text("locale").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
