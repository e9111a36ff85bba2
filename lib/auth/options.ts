import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { config } from "@/lib/config";
import { redeemInvite } from "./invites";
import { verifyStaffPassword } from "./staff";

const staffCredentials = z.object({ email: z.string().trim().max(320), password: z.string().max(1024) });
const inviteCredentials = z.object({ token: z.string().max(200) });

const sessionHours = 12;

export function authOptions(): NextAuthOptions {
  return {
    secret: config().authSecret,
    session: { strategy: "jwt", maxAge: sessionHours * 3600 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      Credentials({
        id: "staff",
        name: "Staff",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw) {
          const input = staffCredentials.safeParse(raw);
          if (!input.success) return null;
          const account = await verifyStaffPassword(input.data.email, input.data.password);
          return account ? { id: account.id, email: account.email, role: "staff" } : null;
        },
      }),
      Credentials({
        id: "invite",
        name: "Invite link",
        credentials: { token: { type: "text" } },
        async authorize(raw) {
          const input = inviteCredentials.safeParse(raw);
          if (!input.success) return null;
          const grower = await redeemInvite(input.data.token);
          return grower ? { id: grower.id, name: grower.name, email: grower.email, role: "grower", leafUserId: grower.leafUserId } : null;
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
