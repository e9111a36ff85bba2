// GET|POST /api/auth/*: next-auth (staff password sign-in, grower invite sign-in, JWT sessions).
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { unreadableJsonBody } from "@/lib/http/json-body";

type Context = { params: Promise<{ nextauth: string[] }> };

// Built per request so configuration is read at run time, not at build time. next-auth parses a JSON
// body without catching its error, so a malformed one would be a 500: it is refused first.
const handler = async (request: Request, context: Context) =>
  (await unreadableJsonBody(request)) ?? NextAuth(authOptions())(request, context);

export { handler as GET, handler as POST };
