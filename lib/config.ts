import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { type Keyring, parseKeyring } from "@/lib/crypto/seal";
import { isSecretSafeUrl } from "@/lib/http/loopback";
import { leafModeProblem, mixedModeAllowed, parseMode } from "@/lib/mode";
import { sandboxLeafAccount, sandboxStaffAccount } from "@/lib/sandbox-defaults";

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

const port = z.coerce.number().int().min(1).max(65535);
const url = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ""));
/** An endpoint Headland sends a secret to (Leaf, token endpoints, Deere's API): never plain http off this machine. */
export const secretUrl = url.refine(
  isSecretSafeUrl,
  "must be https (plain http only to 127.0.0.1, localhost or [::1])",
);

/** Parses one variable; unset and empty both mean "not set". */
export function readVar<T extends z.ZodType>(env: Env, name: string, schema: T): z.output<T> | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(name, parsed.error.issues[0]?.message ?? "invalid value");
  return parsed.data;
}

function requireVar(env: Env, name: string, reason: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(name, `required ${reason}`);
  return value;
}

/** A secret kept in the data directory, generated on first use: sandbox mode needs no setup. */
function generatedSecret(dataDir: string, file: string): string {
  const target = path.join(dataDir, file);
  if (existsSync(target)) return readFileSync(target, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(target, secret, { mode: 0o600 });
  return secret;
}

function leafAuth(env: Env, sandbox: boolean) {
  const token = env.LEAF_API_TOKEN?.trim();
  if (token) return { kind: "token" as const, token };
  if (sandbox) {
    return {
      kind: "password" as const,
      username: env.LEAF_USERNAME?.trim() || sandboxLeafAccount.username,
      password: env.LEAF_PASSWORD?.trim() || sandboxLeafAccount.password,
    };
  }
  const reason = "in live mode (or set LEAF_API_TOKEN)";
  return {
    kind: "password" as const,
    username: requireVar(env, "LEAF_USERNAME", reason),
    password: requireVar(env, "LEAF_PASSWORD", reason),
  };
}

function keyring(value: string): Keyring {
  try {
    return parseKeyring(value);
  } catch (error) {
    throw new ConfigError(
      "HEADLAND_ENCRYPTION_KEY",
      (error as Error).message.replace(/^HEADLAND_ENCRYPTION_KEY: /, ""),
    );
  }
}

/**
 * The background status sweep. Leaf publishes no rate limits, so a real deployment starts gently;
 * the sandbox takes more so a seeded dashboard fills in minutes. An interval of 0 turns the sweep off.
 */
function sweepSettings(env: Env, sandbox: boolean) {
  const positive = z.coerce.number().int().positive();
  return {
    intervalMs:
      readVar(env, "HEADLAND_SWEEP_INTERVAL_MS", z.coerce.number().int().min(0)) ?? (sandbox ? 5_000 : 60_000),
    staleAfterMs:
      readVar(env, "HEADLAND_SWEEP_STALE_AFTER_MS", z.coerce.number().int().min(0)) ?? (sandbox ? 30_000 : 15 * 60_000),
    concurrency: readVar(env, "HEADLAND_SWEEP_CONCURRENCY", positive.max(64)) ?? (sandbox ? 8 : 4),
    ratePerSecond: readVar(env, "HEADLAND_SWEEP_RATE_PER_SECOND", positive.max(10_000)) ?? (sandbox ? 200 : 10),
  };
}

/**
 * Leaf's credential alerts (webhooks). Off in live mode until HEADLAND_LEAF_WEBHOOK_SECRET is set; the
 * sandbox generates one. The age limit covers Leaf's retries (1, 30, 60 and 240 minutes after the event).
 */
function leafAlertSettings(env: Env, sandbox: boolean, dataDir: string) {
  const secret =
    readVar(env, "HEADLAND_LEAF_WEBHOOK_SECRET", z.string().min(16, "must be at least 16 characters")) ??
    (sandbox ? generatedSecret(dataDir, "leaf-webhook-secret") : undefined);
  const maxAgeMinutes = readVar(env, "HEADLAND_LEAF_ALERT_MAX_AGE_MINUTES", z.coerce.number().positive()) ?? 360;
  return { secret, maxAgeMs: maxAgeMinutes * 60_000 };
}

/** Absolute session lifetimes from sign-in; refreshing never extends them. Fractions allowed (tests use seconds). */
function sessionLifetimes(env: Env) {
  const positive = z.coerce.number().positive();
  const staffHours = readVar(env, "HEADLAND_STAFF_SESSION_HOURS", positive.max(90 * 24)) ?? 12;
  const growerDays = readVar(env, "HEADLAND_GROWER_SESSION_DAYS", positive.max(365)) ?? 30;
  return { staff: staffHours * 3600_000, grower: growerDays * 24 * 3600_000 };
}

/**
 * Staff single sign-on through one OpenID provider. A verified email in an allowed domain, or the
 * HEADLAND_OIDC_GROUP group, makes a staff member: one of the two is required, or everyone with an account
 * at the provider would be staff.
 */
function ssoSettings(env: Env) {
  const issuer = readVar(env, "HEADLAND_OIDC_ISSUER", secretUrl);
  if (!issuer) return undefined;
  const reason = "with HEADLAND_OIDC_ISSUER";
  const domains = (env.HEADLAND_OIDC_ALLOWED_DOMAINS ?? "").split(",").map((d) => d.trim().toLowerCase());
  const allowedDomains = domains.map((d) => d.replace(/^@/, "")).filter(Boolean);
  const group = env.HEADLAND_OIDC_GROUP?.trim() || undefined;
  if (!allowedDomains.length && !group)
    throw new ConfigError("HEADLAND_OIDC_ALLOWED_DOMAINS", `required ${reason} (or set HEADLAND_OIDC_GROUP)`);
  return {
    issuer,
    clientId: requireVar(env, "HEADLAND_OIDC_CLIENT_ID", reason),
    clientSecret: requireVar(env, "HEADLAND_OIDC_CLIENT_SECRET", reason),
    name: env.HEADLAND_OIDC_NAME?.trim() || "single sign-on",
    allowedDomains,
    group,
  };
}

/** HEADLAND_PASSWORD_SIGNIN=off leaves staff only single sign-on, so it needs one. */
function passwordSignIn(env: Env, sso: boolean): boolean {
  const on = (readVar(env, "HEADLAND_PASSWORD_SIGNIN", z.enum(["on", "off"])) ?? "on") === "on";
  if (!on && !sso)
    throw new ConfigError("HEADLAND_PASSWORD_SIGNIN", "off needs HEADLAND_OIDC_ISSUER, or no one can sign in");
  return on;
}

/**
 * Invite emails. Sandbox mode sends to the sandbox's mail catcher (SANDBOX_SMTP_PORT, SANDBOX_PORT + 1 by
 * default, as sandbox/main.ts listens); live mode sends only with SMTP_URL, and without it staff copy links.
 */
function mailSettings(env: Env, sandbox: boolean, sandboxPort: number) {
  const partnerName = env.HEADLAND_PARTNER_NAME?.trim() || "Headland";
  const catcherPort = readVar(env, "SANDBOX_SMTP_PORT", port) ?? sandboxPort + 1;
  const smtpUrl =
    readVar(env, "SMTP_URL", z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" })) ??
    (sandbox ? `smtp://127.0.0.1:${catcherPort}` : undefined);
  if (!smtpUrl) return { partnerName, smtp: undefined };
  const from =
    readVar(env, "HEADLAND_MAIL_FROM", z.email("not an email address")) ??
    (sandbox ? "invites@headland.test" : requireVar(env, "HEADLAND_MAIL_FROM", "with SMTP_URL"));
  return { partnerName, smtp: { url: smtpUrl, from } };
}

export function loadConfig(env: Env) {
  const appPort = readVar(env, "PORT", port) ?? 3000;
  const sandboxPort = readVar(env, "SANDBOX_PORT", port) ?? 4010;
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const leafApiUrl = readVar(env, "LEAF_API_URL", secretUrl);
  const mode = parseMode(env);
  if (typeof mode !== "string") throw new ConfigError(mode.variable, mode.message);
  const mixed = leafModeProblem(env, mode);
  if (mixed) throw new ConfigError(mixed.variable, mixed.message);
  const sandbox = mode === "sandbox";
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.HEADLAND_DATA_DIR?.trim() || ".data");
  const appUrl = readVar(env, "APP_URL", url) ?? `http://localhost:${appPort}`;
  const productionReason = "in live mode";
  const staffEmail = env.HEADLAND_STAFF_EMAIL?.trim() || (sandbox ? sandboxStaffAccount.email : undefined);
  const staffPassword = env.HEADLAND_STAFF_PASSWORD?.trim() || (sandbox ? sandboxStaffAccount.password : undefined);
  if (staffEmail && !z.email().safeParse(staffEmail).success)
    throw new ConfigError("HEADLAND_STAFF_EMAIL", "not an email address");

  return {
    mode,
    sandbox,
    /** HEADLAND_ALLOW_MIXED_MODE=1: a test may mix real and simulated services on purpose. */
    allowMixedMode: mixedModeAllowed(env),
    sandboxUrl,
    dataDir,
    appUrl,
    port: appPort,
    leaf: {
      apiUrl: leafApiUrl ?? sandboxUrl,
      auth: leafAuth(env, sandbox),
      timeoutMs: readVar(env, "LEAF_TIMEOUT_MS", z.coerce.number().int().positive()) ?? 10_000,
    },
    databaseUrl: readVar(env, "DATABASE_URL", z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")),
    authSecret:
      env.AUTH_SECRET?.trim() ||
      (sandbox ? generatedSecret(dataDir, "auth-secret") : requireVar(env, "AUTH_SECRET", productionReason)),
    keyring: keyring(
      env.HEADLAND_ENCRYPTION_KEY?.trim() ||
        (sandbox
          ? generatedSecret(dataDir, "encryption-key")
          : requireVar(env, "HEADLAND_ENCRYPTION_KEY", productionReason)),
    ),
    // 30 minutes: a grower may need to create a provider account mid-flow. Shorter only for tests of expiry.
    oauthTransactionTtlMs:
      (readVar(
        env,
        "HEADLAND_OAUTH_TRANSACTION_TTL_SECONDS",
        z.coerce
          .number()
          .int()
          .min(1)
          .max(24 * 3600),
      ) ?? 30 * 60) * 1000,
    // Token endpoints answer in well under a second; a grower should not stare at a spinner for long.
    providerTimeoutMs: readVar(env, "HEADLAND_PROVIDER_TIMEOUT_MS", z.coerce.number().int().positive()) ?? 15_000,
    outbox: {
      // Delivery retries: exponential backoff from this base, full jitter, then give up and show staff.
      baseMs: readVar(env, "HEADLAND_OUTBOX_BASE_MS", z.coerce.number().int().positive()) ?? 2_000,
      maxAttempts: readVar(env, "HEADLAND_OUTBOX_MAX_ATTEMPTS", z.coerce.number().int().min(1)) ?? 12,
      intervalMs: readVar(env, "HEADLAND_OUTBOX_INTERVAL_MS", z.coerce.number().int().positive()) ?? 2_000,
    },
    sweep: sweepSettings(env, sandbox),
    leafAlerts: leafAlertSettings(env, sandbox, dataDir),
    // Consent starts, and callbacks, per minute: far above what a grower clicks (a farm office shares
    // one address), low enough that one client's flood is answered by a cheap 429.
    connectLimits: {
      perSession: readVar(env, "HEADLAND_CONNECT_LIMIT_PER_SESSION", z.coerce.number().int().positive()) ?? 30,
      perAddress: readVar(env, "HEADLAND_CONNECT_LIMIT_PER_ADDRESS", z.coerce.number().int().positive()) ?? 120,
    },
    sessionLifetimeMs: sessionLifetimes(env),
    mail: mailSettings(env, sandbox, sandboxPort),
    sso: ssoSettings(env),
    passwordSignIn: passwordSignIn(env, Boolean(env.HEADLAND_OIDC_ISSUER?.trim())),
    staff: staffEmail && staffPassword ? { email: staffEmail.toLowerCase(), password: staffPassword } : undefined,
    env,
  };
}

export type Config = ReturnType<typeof loadConfig>;

let cached: Config | undefined;

/** The configuration, parsed from the environment once. Throws ConfigError naming the variable. */
export function config(): Config {
  cached ??= loadConfig(process.env);
  return cached;
}

/** Tests swap the environment; production never calls this. */
export function resetConfigForTests(): void {
  cached = undefined;
}
