import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { config } from "@/lib/config";
import { logger } from "@/lib/log";
import { redeemInvite } from "./invites";
import { countAttempt, refundAttempt } from "./rate-limit";
import { verifyStaffPassword } from "./staff";

const staffCredentials = z.object({ email: z.string().trim().max(320), password: z.string().max(1024) });
const inviteCredentials = z.object({ token: z.string().max(200) });

const sessionHours = 12;
const signInWindowMs = 15 * 60_000;

/**
 * The address the request came from: the last X-Forwarded-For entry, the one our own proxy (or Next,
 * when there is none) wrote. Earlier entries are whatever the client sent, so keying on the first one
 * let anyone reset the per-address limit by writing a new value each time.
 */
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = typeof headers?.["x-forwarded-for"] === "string" ? headers["x-forwarded-for"] : "";
  return forwarded.split(",").at(-1)?.trim() || "unknown";
}

/** Guessing is slow: 10 failed tries per account and 100 per address every 15 minutes, across instances. */
function signInKeys(account: string, headers: Record<string, unknown> | undefined) {
  return [
    { key: `signin:account:${account.toLowerCase()}`, limit: 10 },
    { key: `signin:address:${clientAddress(headers)}`, limit: 100 },
  ];
}

async function signInAllowed(keys: ReturnType<typeof signInKeys>): Promise<boolean> {
  return (await Promise.all(keys.map(({ key, limit }) => countAttempt(key, limit, signInWindowMs)))).every(Boolean);
}

function reasonOf(metadata: unknown): string | undefined {
  if (metadata instanceof Error) return metadata.message;
  const nested = metadata as { error?: unknown; message?: unknown } | undefined;
  if (nested?.error instanceof Error) return nested.error.message;
  return typeof nested?.message === "string" ? nested.message : undefined;
}

export function authOptions(): NextAuthOptions {
  const secure = config().appUrl.startsWith("https://");
  return {
    secret: config().authSecret,
    useSecureCookies: secure,
    cookies: {
      // __Host- pins the cookie to this exact origin over https (no Domain, Path=/, Secure).
      sessionToken: {
        name: secure ? "__Host-headland.session" : "headland.session",
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    session: { strategy: "jwt", maxAge: sessionHours * 3600 },
    pages: { signIn: "/signin", error: "/signin" },
    // next-auth's own messages go through pino and its redaction, as one line each: a forged or
    // expired session cookie is a visitor's mistake, worth a code and a reason, not a stack trace.
    logger: {
      error: (code, metadata) => logger.warn({ code, reason: reasonOf(metadata) }, "next-auth"),
      warn: (code) => logger.warn({ code }, "next-auth"),
      debug: () => {},
    },
    providers: [
      Credentials({
        id: "staff",
        name: "Staff",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw, request) {
          const input = staffCredentials.safeParse(raw);
          if (!input.success) return null;
          // next-auth passes a thrown message back to the form as its error code.
          const keys = signInKeys(input.data.email, request?.headers);
          if (!(await signInAllowed(keys))) throw new Error("rate_limited");
          const account = await verifyStaffPassword(input.data.email, input.data.password);
          if (account) await Promise.all(keys.map(({ key }) => refundAttempt(key)));
          return account ? { id: account.id, email: account.email, role: "staff" } : null;
        },
      }),
      Credentials({
        id: "invite",
        name: "Invite link",
        credentials: { token: { type: "text" } },
        // Not rate limited: an invite token carries a 256-bit HMAC, so there is nothing to guess, and
        // growers behind one farm-office address must not lock each other out.
        async authorize(raw) {
          const input = inviteCredentials.safeParse(raw);
          if (!input.success) return null;
          const grower = await redeemInvite(input.data.token);
          return grower
            ? { id: grower.id, name: grower.name, email: grower.email, role: "grower", leafUserId: grower.leafUserId }
            : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.role = user.role;
          token.leafUserId = user.leafUserId;
          token.sid = randomUUID();
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, role: token.role, sid: token.sid, leafUserId: token.leafUserId };
      },
    },
  };
}
