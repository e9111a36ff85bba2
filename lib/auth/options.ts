import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { config } from "@/lib/config";
import { clientAddressHeader } from "@/lib/http/client-address";
import { logger } from "@/lib/log";
import { clientHint } from "./client-hint";
import { redeemInvite } from "./invites";
import { endSession, sessionIsLive, startSession } from "./sessions";
import { forgiveSignIn, signInKeys, throttleSignIn } from "./sign-in-throttle";
import { ensureSsoStaff, ssoProvider, ssoRefusal, verifiedEmail } from "./sso";
import { staffRoleOf, verifyStaffPassword } from "./staff";

const staffCredentials = z.object({ email: z.string().trim().max(320), password: z.string().max(1024) });
const inviteCredentials = z.object({ token: z.string().max(200) });

/** Set by scripts/server.mjs from the socket (and HEADLAND_TRUSTED_PROXIES); a client cannot write it. */
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const address = headers?.[clientAddressHeader];
  return typeof address === "string" && address ? address : "unknown";
}

function reasonOf(metadata: unknown): string | undefined {
  if (metadata instanceof Error) return metadata.message;
  const nested = metadata as { error?: unknown; message?: unknown } | undefined;
  if (nested?.error instanceof Error) return nested.error.message;
  return typeof nested?.message === "string" ? nested.message : undefined;
}

const maxSessionMs = () => Math.max(config().sessionLifetimeMs.staff, config().sessionLifetimeMs.grower);

export function authOptions(): NextAuthOptions {
  const secure = config().appUrl.startsWith("https://");
  const sso = config().sso;
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
    // The cookie may outlive the longest session; the absolute limit per role is checked on every request.
    session: { strategy: "jwt", maxAge: Math.ceil(maxSessionMs() / 1000) },
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
          // Off when staff must come through single sign-on: a password POST is refused, not only hidden.
          if (!config().passwordSignIn) throw new Error("password_sign_in_off");
          const input = staffCredentials.safeParse(raw);
          if (!input.success) return null;
          // next-auth passes a thrown message back to the form as its error code.
          const keys = signInKeys(input.data.email, clientAddress(request?.headers));
          if (!(await throttleSignIn(keys))) throw new Error("rate_limited");
          const account = await verifyStaffPassword(input.data.email, input.data.password);
          if (account) await forgiveSignIn(keys);
          return account ? { id: account.id, email: account.email, role: "staff" } : null;
        },
      }),
      Credentials({
        id: "invite",
        name: "Invite link",
        credentials: { token: { type: "text" } },
        // Not rate limited: an invite token carries a 256-bit HMAC, so there is nothing to guess, and
        // growers behind one farm-office address must not lock each other out. Posting here is the
        // grower's "Continue as …" on the landing page: it uses the link once.
        async authorize(raw, request) {
          const input = inviteCredentials.safeParse(raw);
          if (!input.success) return null;
          const grower = await redeemInvite(input.data.token, clientHint(request?.headers?.["user-agent"]));
          return grower
            ? { id: grower.id, name: grower.name, email: grower.email, role: "grower", leafUserId: grower.leafUserId }
            : null;
        },
      }),
      ...(sso ? [ssoProvider(sso)] : []),
    ],
    callbacks: {
      // Passwords and invites decide in authorize(); single sign-on decides here, on the verified ID token.
      async signIn({ account, profile }) {
        if (account?.provider !== "sso" || !sso) return true;
        const email = verifiedEmail(profile);
        const refusal = ssoRefusal(profile, sso);
        if (refusal || !email) return `${config().appUrl}/signin?error=${refusal ?? "sso_unverified"}`;
        return (await ensureSsoStaff(email)) ? true : `${config().appUrl}/signin?error=sso_removed`;
      },
      // Runs on every read of the session (getServerSession, /api/auth/session): a throw makes next-auth
      // answer "no session" and clear the cookie, so an ended or expired sign-in is refused everywhere.
      async jwt({ token, user }) {
        if (user) {
          const owner =
            user.role === "staff"
              ? { role: "staff" as const, email: user.email ?? "" }
              : { role: "grower" as const, leafUserId: user.leafUserId ?? "" };
          const { sid, expiresAt } = await startSession(owner);
          // Looked up here rather than in each provider, so every way staff sign in carries it.
          const staffRole = owner.role === "staff" ? await staffRoleOf(owner.email) : undefined;
          const signedIn = { ...token, role: user.role, leafUserId: user.leafUserId, staffRole };
          return { ...signedIn, sid, sessionExpiresAt: expiresAt };
        }
        if (!(await sessionIsLive(token))) throw new Error("session_ended");
        return token;
      },
      session({ session, token }) {
        const { role, sid, leafUserId, staffRole } = token;
        return { ...session, role, sid, leafUserId, staffRole };
      },
    },
    events: {
      // Without this, signing out only cleared this browser's cookie; a copy of it stayed valid.
      signOut: async ({ token }) => endSession(token?.sid),
    },
  };
}
